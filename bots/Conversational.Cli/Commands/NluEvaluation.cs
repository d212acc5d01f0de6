using System.Diagnostics;
using System.Globalization;
using Conversational.Knowledge.IntentClassification;

namespace Conversational.Cli.Commands;

/// <summary>
/// What <c>nlu eval</c> and <c>nlu cv</c> do (DESIGN §15): train, predict every held-out row, print the scores. With
/// an out-of-scope label the model also gets a threshold chosen on held-out training data (and trains any out-of-scope
/// rows as a class). Progress goes to stderr; stdout holds only the result.
/// </summary>
internal static class NluEvaluation
{
    public const int InvalidInputExitCode = 1;

    /// <summary><c>nlu eval</c>: train on one file, test on the other.</summary>
    public static int Run(FileInfo trainFile, FileInfo testFile, string? outOfScopeLabel, bool json)
    {
        if (!InputFiles.Exist(trainFile, testFile) || Read(trainFile) is not { } train || Read(testFile) is not { } test)
        {
            return InvalidInputExitCode;
        }

        Console.Error.WriteLine($"training on {train.Count} examples from {trainFile.Name}…");
        if (Evaluate(train, test, outOfScopeLabel, trainFile.Name) is not { } run)
        {
            return InvalidInputExitCode;
        }

        Console.Error.WriteLine($"trained in {run.TrainSeconds:0.00} s; predicted {test.Count} examples from {testFile.Name}");
        var micros = run.Micros.Order().ToArray();
        Write(run.Metrics, run.TrainSeconds, Percentile(micros, 0.50), Percentile(micros, 0.99), folds: null, json);
        return 0;
    }

    /// <summary>
    /// <c>nlu cv</c>: stratified k-fold cross-validation of one file (<see cref="ExampleSplits.StratifiedFolds"/>, seeded,
    /// so a run is reproducible). Prints the mean of each fold's scores and training seconds, every example as
    /// <c>examples</c>, and latency percentiles over all the predictions.
    /// </summary>
    public static int RunCrossValidation(FileInfo trainFile, int folds, string? outOfScopeLabel, bool json)
    {
        if (!InputFiles.Exist(trainFile) || Read(trainFile) is not { } examples)
        {
            return InvalidInputExitCode;
        }

        var assignment = ExampleSplits.StratifiedFolds(examples, folds, new IntentModelOptions().Seed);
        var runs = new List<FoldRun>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where((_, i) => assignment[i] != fold).ToList();
            var test = examples.Where((_, i) => assignment[i] == fold).ToList();
            Console.Error.WriteLine($"fold {fold + 1}/{folds}: training on {train.Count} examples, testing on {test.Count}…");
            if (Evaluate(train, test, outOfScopeLabel, trainFile.Name) is not { } run)
            {
                return InvalidInputExitCode;
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {fold + 1}/{folds}: accuracy {run.Metrics.Accuracy:0.0000}, trained in {run.TrainSeconds:0.00} s"));
            runs.Add(run);
        }

        var mean = IntentMetrics.Mean(runs.Select(run => run.Metrics).ToList()) with
        {
            Labels = examples.Select(example => example.Label).Distinct(StringComparer.Ordinal).Count(),
        };
        var micros = runs.SelectMany(run => run.Micros).Order().ToArray();
        Write(mean, runs.Average(run => run.TrainSeconds), Percentile(micros, 0.50), Percentile(micros, 0.99), folds, json);
        return 0;
    }

    private static IReadOnlyList<IntentExample>? Read(FileInfo file)
    {
        try
        {
            return ExampleFile.Read(file.FullName);
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return null;
        }
    }

    /// <summary>
    /// Trains (timed), then predicts every test example one at a time (each timed); null after reporting bad training
    /// data.
    /// </summary>
    private static FoldRun? Evaluate(
        IReadOnlyList<IntentExample> train, IReadOnlyList<IntentExample> test, string? outOfScopeLabel, string source)
    {
        var clock = Stopwatch.StartNew();
        IntentModel model;
        try
        {
            model = outOfScopeLabel is null
                ? IntentModel.Train(train)
                : IntentModel.TrainWithThreshold(train, outOfScopeLabel);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"{source}: {exception.Message}");
            return null;
        }

        var trainSeconds = clock.Elapsed.TotalSeconds;
        if (model.Options.OutOfScopeThreshold is { } threshold)
        {
            Console.Error.WriteLine($"out-of-scope threshold {threshold.ToString("0.####", CultureInfo.InvariantCulture)}");
        }

        if (test.Count > 0)
        {
            model.PredictLabel(test[0].Text); // warm-up: the first call JIT-compiles the prediction path
        }

        var predicted = new string[test.Count];
        var micros = new double[test.Count];
        for (var i = 0; i < test.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            predicted[i] = model.PredictLabel(test[i].Text);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var metrics = IntentMetrics.Compute(test.Select(example => example.Label).ToList(), predicted, outOfScopeLabel);
        return new FoldRun(metrics, trainSeconds, micros);
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Write(IntentMetrics metrics, double trainSeconds, double p50, double p99, int? folds, bool json)
    {
        var fields = new List<(string Name, double Value)>
        {
            ("accuracy", metrics.Accuracy),
            ("macro_f1", metrics.MacroF1),
        };
        if (metrics.InScopeAccuracy is { } inScope)
        {
            fields.Add(("in_scope_accuracy", inScope));
            fields.Add(("oos_recall", metrics.OutOfScopeRecall ?? 0));
            fields.Add(("oos_precision", metrics.OutOfScopePrecision ?? 0));
        }

        fields.Add(("train_seconds", trainSeconds));
        fields.Add(("predict_p50_us", p50));
        fields.Add(("predict_p99_us", p99));

        MetricsOutput.Write([("examples", metrics.Examples), ("labels", metrics.Labels)], fields, folds, json);
    }

    private sealed record FoldRun(IntentMetrics Metrics, double TrainSeconds, double[] Micros);
}
