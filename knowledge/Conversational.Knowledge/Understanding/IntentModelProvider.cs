using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Unanswered;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Understanding;

/// <summary>
/// The intent model the bot runs: loaded from <see cref="UnderstandingOptions.ModelPath"/>, or trained from the examples
/// and saved there when the file is missing, unreadable or was trained on other examples (their content hash differs).
/// Done once, on first use (the host's start-up warms it); the demo examples train in a few seconds. The examples are the
/// files plus those trainers added from unanswered questions (<see cref="TrainerIntentExamples"/>), and
/// <see cref="RetrainAsync"/> brings a new one of those into the running bot.
/// </summary>
/// <remarks>
/// Several processes may share the data directory (hosts, the CLI, test runs): an exclusive lock file next to the model
/// lets one of them train while the others wait and then load what it saved.
/// </remarks>
/// <param name="trainerExamples">The trainers' examples in the database; null trains on the files alone.</param>
public sealed partial class IntentModelProvider(IOptions<UnderstandingOptions> options, TimeProvider time, ILogger<IntentModelProvider> logger,
    TrainerIntentExamples? trainerExamples = null)
{
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TrainedIntentModel? _current;

    /// <exception cref="InvalidDataException">
    /// The examples cannot be read, or cannot make a model (one label, a label of one example): the message names the
    /// directory and the problem, and the host does not start on a model it could not train.
    /// </exception>
    public async ValueTask<TrainedIntentModel> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null)
            {
                var model = await LoadOrTrainAsync(cancellationToken);
                Volatile.Write(ref _current, model);
            }

            return _current!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Trains again if the examples changed since the model in use (a trainer added some) and puts the new model in
    /// use; turns being understood meanwhile finish on the old one.
    /// </summary>
    public async Task<TrainedIntentModel> RetrainAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var model = await LoadOrTrainAsync(cancellationToken);
            Volatile.Write(ref _current, model);
            return model;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TrainedIntentModel> LoadOrTrainAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = settings.ExamplesDirectory ?? IntentExampleSet.BundledDirectory;
        var examples = IntentExampleSet.Read(directory);
        if (trainerExamples is not null)
        {
            examples = examples.With(await trainerExamples.ListAsync(cancellationToken));
        }

        var path = Path.GetFullPath(settings.ModelPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var fileLock = await LockAsync(path + ".lock", cancellationToken);
        if (TryLoad(path) is { } saved && saved.Info.ExamplesHash == examples.ContentHash)
        {
            LogLoaded(saved.Info.Version, saved.Info.Labels, saved.Info.Examples, saved.Info.HeldOutAccuracy, path);
            return saved;
        }

        // Training is CPU-bound for a few seconds: off the caller's thread, so a host's start-up stays responsive.
        TrainedIntentModel trained;
        try
        {
            trained = await Task.Run(() => TrainedIntentModel.Train(examples, Intents.OutOfScope, time), cancellationToken);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"The intent examples in {directory} cannot train a model: {exception.Message}", exception);
        }

        IntentModelFile.Save(path, trained);
        LogTrained(trained.Info.Version, trained.Info.Labels, trained.Info.Examples, trained.Info.HeldOutAccuracy,
            trained.Info.OutOfScopeThreshold, trained.Info.TrainSeconds, directory, path);
        return trained;
    }

    private TrainedIntentModel? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return IntentModelFile.Load(path);
        }
        catch (InvalidDataException exception)
        {
            LogUnreadable(path, exception.Message);
            return null;
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock on Unix (and a sharing lock on Windows).
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Intent model {Version} loaded: {Labels} intents from {Examples} examples, held-out accuracy {HeldOutAccuracy:0.000} ({Path})")]
    private partial void LogLoaded(string version, int labels, int examples, double? heldOutAccuracy, string path);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Intent model {Version} trained: {Labels} intents from {Examples} examples, held-out accuracy {HeldOutAccuracy:0.000}, " +
            "out-of-scope threshold {Threshold:0.000}, {Seconds:0.0} s (examples {ExamplesDirectory}, saved to {Path})")]
    private partial void LogTrained(string version, int labels, int examples, double? heldOutAccuracy, float? threshold, double seconds,
        string examplesDirectory, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved intent model {Path} cannot be read ({Reason}); training a new one")]
    private partial void LogUnreadable(string path, string reason);
}
