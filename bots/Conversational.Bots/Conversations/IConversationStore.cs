namespace Conversational.Bots.Conversations;

/// <summary>
/// The conversation event log. Implemented once over SQL for SQLite (embedded default) and PostgreSQL (production);
/// the same contract tests run against both.
/// </summary>
public interface IConversationStore
{
    /// <summary>Creates a conversation whose first event (seq 1) is <see cref="ConversationStarted"/>.</summary>
    Task<ConversationRecord> StartAsync(string customerId, string channel, string locale, CancellationToken cancellationToken);

    Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The customer's conversations, newest first.</summary>
    Task<IReadOnlyList<ConversationRecord>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken);

    /// <summary>Events with a sequence number greater than <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string conversationId, long afterSeq, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> as seq <c>expectedVersion+1…</c>, all or nothing, and returns them as stored.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The conversation is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="DuplicateMessageException">An event's <see cref="ConversationEvent.DedupeKey"/> is already recorded.</exception>
    Task<IReadOnlyList<StoredEvent>> AppendAsync(string conversationId, long expectedVersion, IReadOnlyList<ConversationEvent> events,
        CancellationToken cancellationToken);

    /// <summary>The sequence number of the event recorded with this channel message id, if any.</summary>
    Task<long?> FindByDedupeKeyAsync(string conversationId, string dedupeKey, CancellationToken cancellationToken);

    /// <summary>Holds the conversation's turn lock (across hosts where the engine allows) until disposed.</summary>
    ValueTask<IAsyncDisposable> LockTurnAsync(string conversationId, CancellationToken cancellationToken);
}
