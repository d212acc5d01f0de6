using System.Diagnostics;
using System.Globalization;
using Conversational.Knowledge.Matching;

namespace Conversational.Cli.Commands;

/// <summary>
/// What <c>match eval</c> and <c>match cv</c> do (DESIGN §15): train the question matcher (its threshold chosen on
/// held-out training pairs only), decide every test pair, print accuracy and the F1 of the "same" class. Progress goes to
/// stderr; stdout holds only the result.
/// </summary>
internal static class MatchEvaluation
{
    public const int InvalidInputExitCode = 1;

    /// <summary><c>match eval</c>: train on one file, test on the other.</summary>
    public static int Run(FileInfo trainFile, FileInfo testFile, bool json)
    {
        if (!InputFiles.Exist(trainFile, testFile) || Read(trainFile) is not { } train || Read(testFile) is not { } test)
        {
            return InvalidInputExitCode;
        }

        Console.Error.WriteLine($"training on {train.Count} pairs from {trainFile.Name}…");
        if (Evaluate(train, test, trainFile.Name) is not { } run)
        {
            return InvalidInputExitCode;
        }

        Console.Error.WriteLine($"trained in {run.TrainSeconds:0.00} s; decided {test.Count} pairs from {testFile.Name}");
        Write(run.Metrics, run.TrainSeconds, folds: null, json);
        return 0;
    }

    /// <summary>
    /// <c>match cv</c>: stratified k-fold cross-validation of one file (<see cref="PairFolds"/>, seeded, so a run is
    /// reproducible); prints the mean of each fold's scores and training seconds, and every pair as <c>examples</c>.
    /// </summary>
    public static int RunCrossValidation(FileInfo trainFile, int folds, bool json)
    {
        if (!InputFiles.Exist(trainFile) || Read(trainFile) is not { } pairs)
        {
            return InvalidInputExitCode;
        }

        var assignment = PairFolds.Assign(pairs, folds, new QuestionMatcherOptions().Seed);
        var runs = new List<FoldRun>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = pairs.Where((_, i) => assignment[i] != fold).ToList();
            var test = pairs.Where((_, i) => assignment[i] == fold).ToList();
            Console.Error.WriteLine($"fold {fold + 1}/{folds}: training on {train.Count} pairs, testing on {test.Count}…");
            if (Evaluate(train, test, trainFile.Name) is not { } run)
            {
                return InvalidInputExitCode;
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {fold + 1}/{folds}: accuracy {run.Metrics.Accuracy:0.0000}, f1 {run.Metrics.F1:0.0000}, trained in {run.TrainSeconds:0.00} s"));
            runs.Add(run);
        }

        Write(MatchMetrics.Mean(runs.Select(run => run.Metrics).ToList()), runs.Average(run => run.TrainSeconds), folds, json);
        return 0;
    }

    private static IReadOnlyList<QuestionPair>? Read(FileInfo file)
    {
        try
        {
            return PairFile.Read(file.FullName);
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return null;
        }
    }

    /// <summary>Trains (timed) and decides every test pair; null after reporting unusable training data.</summary>
    private static FoldRun? Evaluate(IReadOnlyList<QuestionPair> train, IReadOnlyList<QuestionPair> test, string source)
    {
        var clock = Stopwatch.StartNew();
        QuestionMatcher matcher;
        try
        {
            matcher = QuestionMatcher.Train(train);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"{source}: {exception.Message}");
            return null;
        }

        var trainSeconds = clock.Elapsed.TotalSeconds;
        var predicted = test.AsParallel().AsOrdered().Select(pair => matcher.Same(pair.Text1, pair.Text2)).ToList();
        return new FoldRun(MatchMetrics.Compute(test.Select(pair => pair.Same).ToList(), predicted), trainSeconds);
    }

    private static void Write(MatchMetrics metrics, double trainSeconds, int? folds, bool json)
    {
        (string Name, double Value)[] fields = [("accuracy", metrics.Accuracy), ("f1", metrics.F1), ("train_seconds", trainSeconds)];
        MetricsOutput.Write([("examples", metrics.Examples)], fields, folds, json);
    }

    private sealed record FoldRun(MatchMetrics Metrics, double TrainSeconds);
}
