using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversational.Knowledge.Answering;

/// <summary>
/// Keeps the <see cref="HybridRetriever"/> a copy of the knowledge base (知识索引): at start it replays the change feed
/// into it (each entry's latest version: active ones indexed, retired ones dropped), then follows
/// <see cref="IKnowledgeChanges.Changed"/>, so a trainer's edit on any host is answerable without a restart. Validity
/// dates and channels travel with the chunks and are checked at search time. Every catch-up that changed the index
/// schedules the entry classifier's retraining (<see cref="EntryClassifierTrainer"/>), off the request path.
/// </summary>
public sealed partial class KnowledgeIndexer(IKnowledgeChanges changes, HybridRetriever retriever, EntryClassifierTrainer classifier,
    ILogger<KnowledgeIndexer> logger)
    : IHostedService, IDisposable
{
    private const int PageSize = 500;

    private readonly Dictionary<string, int> _chunkCounts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private long _sequence;
    private bool _disposed;

    /// <summary>The last change the index reflects.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        changes.Changed += OnChanged;
        await CatchUpAsync(cancellationToken);
        LogIndexed(retriever.Count, Sequence);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        changes.Changed -= OnChanged;
        // A host that failed to start may dispose its services before it stops them.
        if (!Volatile.Read(ref _disposed))
        {
            _stopping.Cancel();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        changes.Changed -= OnChanged;
        if (Interlocked.Exchange(ref _disposed, true))
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _catchingUp.Dispose();
    }

    /// <summary>Applies every change committed after <see cref="Sequence"/>; one caller at a time, the others wait their turn.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _catchingUp.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<KnowledgeChange> page;
            do
            {
                page = await changes.ReadAsync(Sequence, PageSize, cancellationToken);
                // Only each entry's latest version in the page matters.
                foreach (var latest in page.GroupBy(change => change.Entry.Id, StringComparer.Ordinal).Select(group => group.Last()))
                {
                    await ApplyAsync(latest.Entry, cancellationToken);
                }

                if (page.Count > 0)
                {
                    Interlocked.Exchange(ref _sequence, page[^1].Sequence);
                    classifier.Schedule();
                }
            }
            while (page.Count == PageSize);
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    private async Task ApplyAsync(KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        var chunks = entry.Status == KnowledgeStatus.Active ? EntryChunks.Of(entry.Content) : [];
        if (chunks.Count > 0)
        {
            await retriever.IndexAsync(chunks, cancellationToken);
        }

        var before = _chunkCounts.GetValueOrDefault(entry.Id);
        if (before > chunks.Count)
        {
            await retriever.RemoveAsync([.. Enumerable.Range(chunks.Count, before - chunks.Count).Select(n => EntryChunks.Id(entry.Id, n))],
                cancellationToken);
        }

        _chunkCounts[entry.Id] = chunks.Count;
    }

    // The event must return at once: the catch-up runs on the thread pool, and a failed one is logged and retried by
    // the next change.
    private void OnChanged(object? sender, KnowledgeChangedEventArgs e)
    {
        if (e.Sequence > Sequence && !_stopping.IsCancellationRequested)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await CatchUpAsync(_stopping.Token);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                }
                catch (Exception exception)
                {
                    LogCatchUpFailed(exception, e.Sequence);
                }
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index holds {Chunks} chunks through change {Sequence}")]
    private partial void LogIndexed(int chunks, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge index could not follow change {Sequence}; the next change retries")]
    private partial void LogCatchUpFailed(Exception exception, long sequence);
}
