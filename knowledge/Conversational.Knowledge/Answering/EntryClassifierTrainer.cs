using Conversational.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;

namespace Conversational.Knowledge.Answering;

/// <summary>
/// Keeps the retriever's <see cref="HybridRetriever.Classifier"/> trained on what it indexes (分类器重训): after index
/// changes <see cref="Schedule"/> waits for <see cref="QuietPeriod"/> without another change, then trains a new
/// classifier on the thread pool and swaps it in whole, so searches never wait for training and a burst of edits
/// trains once. Until then the old classifier keeps ranking the entries it knows; new ones are simply not re-scored.
/// </summary>
/// <remarks>Training takes seconds for thousands of chunks (BANKING77's 8,033: about 2–9 s by load; knowledge/README.md).</remarks>
public sealed partial class EntryClassifierTrainer(HybridRetriever retriever, TimeProvider time, ILogger<EntryClassifierTrainer> logger)
    : IDisposable
{
    /// <summary>How long the index must stay unchanged before a retraining starts.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _training = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private TaskCompletionSource? _pending;

    /// <summary>Completes when the retraining the last <see cref="Schedule"/> asked for has ended (or was stopped).</summary>
    public Task Trained { get; private set; } = Task.CompletedTask;

    /// <summary>Retrains after the quiet period; another call within it restarts the wait. Does nothing at weight 0.</summary>
    public void Schedule()
    {
        if (retriever.Options.ClassifierWeight <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Trained = _pending.Task;
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => Start(), null, QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Trains on the chunks indexed now and swaps the classifier in (none with fewer than two entries of two chunks).</summary>
    public async Task RetrainAsync(CancellationToken cancellationToken)
    {
        await _training.WaitAsync(cancellationToken);
        try
        {
            var chunks = retriever.Chunks;
            retriever.Classifier = await Task.Run(() => EntryClassifier.Train(chunks), cancellationToken);
            LogTrained(retriever.Classifier?.Entries.Count ?? 0, chunks.Count);
        }
        finally
        {
            _training.Release();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _timer?.Dispose();
            _pending?.TrySetResult();
        }
    }

    private void Start()
    {
        TaskCompletionSource? trained;
        lock (_gate)
        {
            (trained, _pending) = (_pending, null);
        }

        if (trained is not null)
        {
            _ = RetrainInBackgroundAsync(trained);
        }
    }

    // A failed retraining keeps the classifier there was; the next change tries again.
    private async Task RetrainInBackgroundAsync(TaskCompletionSource trained)
    {
        try
        {
            await RetrainAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogFailed(exception);
        }
        finally
        {
            trained.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Entry classifier trained on {Entries} entries of {Chunks} chunks")]
    private partial void LogTrained(int entries, int chunks);

    [LoggerMessage(Level = LogLevel.Error, Message = "Entry classifier could not be retrained; the search keeps the previous one")]
    private partial void LogFailed(Exception exception);
}
