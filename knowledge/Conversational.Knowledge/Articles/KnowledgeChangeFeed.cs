using System.Globalization;
using Conversational.Storage;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// Reads the version rows as a change feed and tells listeners when there is news: the store announces its own commits,
/// and the other hosts' arrive as database notifications on <see cref="NotificationChannel"/>.
/// </summary>
public sealed class KnowledgeChangeFeed(Database database) : IKnowledgeChanges, IDatabaseNotificationHandler
{
    public const string NotificationChannel = "knowledge_changes";

    public event EventHandler<KnowledgeChangedEventArgs>? Changed;

    string IDatabaseNotificationHandler.Channel => NotificationChannel;

    public async Task<IReadOnlyList<KnowledgeChange>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = database.DataSource.CreateCommand(
            "SELECT sequence, change, document FROM knowledge_versions WHERE sequence > @after ORDER BY sequence LIMIT @limit");
        Database.AddParameters(command, ("@after", afterSequence), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<KnowledgeChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new KnowledgeChange(reader.GetInt64(0), Enum.Parse<KnowledgeChangeKind>(reader.GetString(1)),
                KnowledgeSchema.Deserialize(reader.GetString(2))));
        }

        return changes;
    }

    void IDatabaseNotificationHandler.OnNotification(string payload)
    {
        if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            Announce(sequence);
        }
    }

    /// <summary>Tells this host's listeners that changes up to <paramref name="sequence"/> have committed.</summary>
    internal void Announce(long sequence) => Changed?.Invoke(this, new KnowledgeChangedEventArgs(sequence));
}
