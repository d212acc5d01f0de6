using System.Data.Common;
using System.Globalization;
using Conversational.Handoff.Queues;
using Conversational.Storage;

namespace Conversational.Handoff;

/// <summary>
/// What the handoff stores share: the database, the clock, and writes that wake every host's
/// <see cref="HandoffChangeFeed"/> when they commit.
/// </summary>
public sealed class HandoffDatabase(Database database, HandoffChangeFeed feed, TimeProvider time)
{
    public Database Database { get; } = database;

    public HandoffChangeFeed Feed { get; } = feed;

    public DateTimeOffset Now => time.GetUtcNow();

    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Row locks for a claim: on PostgreSQL, rows another host holds are passed over instead of waited for.</summary>
    public string SkipLocked => Database.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : "";

    /// <summary>A row lock held to the end of the transaction (SQLite's single writer already serializes).</summary>
    public string ForUpdate => Database.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE" : "";

    public Task<WriteTransaction> BeginAsync(CancellationToken cancellationToken) => Database.BeginWriteAsync(cancellationToken);

    /// <summary>Commits and tells every host (this one at once, the others by NOTIFY at commit) that something changed.</summary>
    public async Task CommitAndPublishAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var notify = Database.NotifySql("@channel", "@payload");
        if (notify.Length > 0)
        {
            await transaction.ExecuteAsync(notify, cancellationToken, ("@channel", HandoffChangeFeed.NotificationChannel), ("@payload", ""));
        }

        await transaction.CommitAsync(cancellationToken);
        Feed.Publish();
    }

    /// <summary>A read outside any transaction.</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Database.DataSource.CreateCommand(sql);
        Database.AddParameters(command, parameters);
        return command;
    }

    public static DateTimeOffset FromMs(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromMs(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Parameters <c>@{prefix}0, @{prefix}1…</c> for an IN list, and the list's SQL.</summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) InList(string prefix, IEnumerable<string> values)
    {
        var parameters = values.Select((value, i) => ($"@{prefix}{i.ToString(CultureInfo.InvariantCulture)}", (object?)value)).ToArray();
        return (parameters.Length == 0 ? "(NULL)" : $"({string.Join(", ", parameters.Select(p => p.Item1))})", parameters);
    }
}
