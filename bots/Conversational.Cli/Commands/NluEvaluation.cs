using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Conversational.Knowledge.IntentClassification;

namespace Conversational.Cli.Commands;

/// <summary>
/// What <c>nlu eval</c> does (DESIGN §15): trains on one file, predicts every row of the other, prints the scores. With
/// an out-of-scope label the model also gets a threshold chosen on held-out training data (and trains any out-of-scope
/// rows as a class). Progress goes to stderr; stdout holds only the result.
/// </summary>
internal static class NluEvaluation
{
    public const int InvalidInputExitCode = 1;

    public static int Run(FileInfo trainFile, FileInfo testFile, string? outOfScopeLabel, bool json)
    {
        if (!InputFiles.Exist(trainFile, testFile))
        {
            return InputFiles.MissingExitCode;
        }

        IReadOnlyList<IntentExample> train, test;
        try
        {
            train = ExampleFile.Read(trainFile.FullName);
            test = ExampleFile.Read(testFile.FullName);
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return InvalidInputExitCode;
        }

        Console.Error.WriteLine($"training on {train.Count} examples from {trainFile.Name}…");
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
            Console.Error.WriteLine($"{trainFile.Name}: {exception.Message}");
            return InvalidInputExitCode;
        }

        var trainSeconds = clock.Elapsed.TotalSeconds;
        if (model.Options.OutOfScopeThreshold is { } threshold)
        {
            Console.Error.WriteLine($"out-of-scope threshold {threshold.ToString("0.####", CultureInfo.InvariantCulture)}");
        }

        Console.Error.WriteLine($"trained in {trainSeconds:0.00} s; predicting {test.Count} examples from {testFile.Name}…");
        if (test.Count > 0)
        {
            model.PredictLabel(test[0].Text); // warm-up: the first call JIT-compiles the engine
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
        Array.Sort(micros);
        Write(metrics, trainSeconds, Percentile(micros, 0.50), Percentile(micros, 0.99), json);
        return 0;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Write(IntentMetrics metrics, double trainSeconds, double p50, double p99, bool json)
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

        if (!json)
        {
            Console.WriteLine($"examples: {metrics.Examples}");
            Console.WriteLine($"labels: {metrics.Labels}");
            foreach (var (name, value) in fields)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Math.Round(value, 4)}"));
            }

            return;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout))
        {
            writer.WriteStartObject();
            writer.WriteNumber("examples", metrics.Examples);
            writer.WriteNumber("labels", metrics.Labels);
            foreach (var (name, value) in fields)
            {
                writer.WriteNumber(name, Math.Round(value, 4));
            }

            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
