using System.Globalization;
using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Understanding;

namespace Conversational.Cli.Commands;

/// <summary>
/// <c>nlu train</c>: train the bot's intent model from a directory of example files and save it where the bot loads it
/// from. The bot also retrains at start-up when the examples changed; this does it ahead of time and shows the result.
/// </summary>
internal static class NluTraining
{
    public static int Run(DirectoryInfo? examplesDirectory, FileInfo? output)
    {
        var directory = examplesDirectory ?? new DirectoryInfo(IntentExampleSet.BundledDirectory);
        if (!InputFiles.Exist(directory))
        {
            return NluEvaluation.InvalidInputExitCode;
        }

        var path = output?.FullName ?? Path.GetFullPath(new UnderstandingOptions().ModelPath);
        TrainedIntentModel trained;
        try
        {
            var examples = IntentExampleSet.Read(directory.FullName);
            Console.Error.WriteLine($"training on {examples.Examples.Count} examples from {directory.FullName}…");
            trained = TrainedIntentModel.Train(examples, Intents.OutOfScope, TimeProvider.System);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine(exception.Message);
            return NluEvaluation.InvalidInputExitCode;
        }

        IntentModelFile.Save(path, trained);
        var info = trained.Info;
        Console.WriteLine($"version: {info.Version}");
        Console.WriteLine($"examples: {info.Examples}");
        Console.WriteLine($"labels: {info.Labels}");
        // Too few examples per label to hold any out: no threshold and no held-out figure, said plainly.
        Console.WriteLine($"held_out_accuracy: {Figure(info.HeldOutAccuracy)}");
        Console.WriteLine($"oos_threshold: {Figure(info.OutOfScopeThreshold)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_seconds: {info.TrainSeconds:0.00}"));
        Console.WriteLine($"saved: {path}");
        return 0;
    }

    private static string Figure(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "none";
}
