namespace Conversational.Knowledge.Articles;

/// <summary>
/// The knowledge base's changes in commit order, for whatever keeps a copy of it (a search index): read everything
/// after the last sequence seen, and read again when <see cref="Changed"/> fires.
/// </summary>
public interface IKnowledgeChanges
{
    /// <summary>
    /// Raised after a change commits: at once for changes made by this host, and through the database's notifications
    /// (PostgreSQL LISTEN/NOTIFY) for changes made by the others. Handlers must be quick; read the changes elsewhere.
    /// </summary>
    event EventHandler<KnowledgeChangedEventArgs>? Changed;

    /// <summary>Changes after <paramref name="afterSequence"/> (0: from the start), oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<KnowledgeChange>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);
}

/// <summary>What a version did to its entry.</summary>
public enum KnowledgeChangeKind
{
    Created,
    Edited,
    Retired,
}

/// <summary>One version written: the entry as it became. A retired entry is to be dropped from an index, an active one upserted.</summary>
/// <param name="Sequence">Position in the knowledge base's change order, increasing.</param>
public sealed record KnowledgeChange(long Sequence, KnowledgeChangeKind Kind, KnowledgeEntry Entry);

/// <summary>The sequence of the latest change known to have committed.</summary>
public sealed class KnowledgeChangedEventArgs(long sequence) : EventArgs
{
    public long Sequence { get; } = sequence;
}
