using System.Data.Common;
using Conversational.Storage;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// The knowledge base on the product's database (SQLite or PostgreSQL). Every change writes a new version row beside
/// the entry's current row, in one transaction; writers take turns on one lock, so versions and the change sequence
/// follow commit order and an edit from a stale version is refused (<see cref="KnowledgeConflictException"/>).
/// Entries are retired, never deleted.
/// </summary>
public sealed partial class SqlKnowledgeStore(Database database, KnowledgeChangeFeed changes, TimeProvider time)
{
    private const string WriterLock = "knowledge-writer";

    public async Task<KnowledgeEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT document FROM knowledge_entries WHERE entry_id = @id");
        Database.AddParameters(command, ("@id", id));
        return (await ReadEntriesAsync(command, cancellationToken)) is [var found] ? found : null;
    }

    /// <summary>Every entry, active and retired, by id.</summary>
    public async Task<IReadOnlyList<KnowledgeEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT document FROM knowledge_entries ORDER BY entry_id");
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>
    /// The entries the bot may answer with now in <paramref name="language"/> on <paramref name="channel"/>
    /// (<see cref="KnowledgeEntry.IsAnswerable"/>): active, valid at this moment, open to the channel.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeEntry>> AnswerableAsync(string language, string channel, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT document FROM knowledge_entries WHERE status = @status AND language = @language ORDER BY entry_id");
        Database.AddParameters(command, ("@status", nameof(KnowledgeStatus.Active)), ("@language", KnowledgeLanguages.Canonical(language)));
        var now = time.GetUtcNow();
        return [.. (await ReadEntriesAsync(command, cancellationToken)).Where(entry => entry.IsAnswerable(now, language, channel))];
    }

    /// <summary>The entry's versions, newest first, each with who made it, when and which fields it changed; empty for an unknown id.</summary>
    public async Task<IReadOnlyList<KnowledgeVersion>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT change, document FROM knowledge_versions WHERE entry_id = @id ORDER BY version");
        Database.AddParameters(command, ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<(KnowledgeChangeKind, KnowledgeEntry)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add((Enum.Parse<KnowledgeChangeKind>(reader.GetString(0)), KnowledgeSchema.Deserialize(reader.GetString(1))));
        }

        return KnowledgeVersion.History(versions);
    }

    private static async Task<KnowledgeEntry?> FindAsync(WriteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand("SELECT document FROM knowledge_entries WHERE entry_id = @id", ("@id", id));
        return (await ReadEntriesAsync(command, cancellationToken)) is [var found] ? found : null;
    }

    private static async Task<IReadOnlyList<KnowledgeEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<KnowledgeEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(KnowledgeSchema.Deserialize(reader.GetString(0)));
        }

        return entries;
    }
}
