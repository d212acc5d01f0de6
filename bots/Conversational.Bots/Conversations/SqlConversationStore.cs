using System.Data.Common;
using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Bots.Conversations;

/// <summary>
/// The event log on SQLite or PostgreSQL. Appends are optimistic: the header's <c>version</c> must still be the
/// expected one, and <c>(conversation_id, seq)</c> is the primary key, so an event can be neither lost nor doubled
/// even by writers that bypass the turn lock.
/// </summary>
public sealed class SqlConversationStore(Database database, TimeProvider time) : IConversationStore
{
    private const string HeaderColumns = "id, customer_id, channel, locale, started_at, version";

    public async Task<ConversationRecord> StartAsync(string customerId, string channel, string locale, CancellationToken cancellationToken)
    {
        var now = Now();
        var record = new ConversationRecord(Guid.CreateVersion7(now).ToString("N"), customerId, channel, locale, now, Version: 1);

        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.ExecuteAsync($"INSERT INTO conversations ({HeaderColumns}) VALUES (@id, @customer, @channel, @locale, @at, 1)",
            cancellationToken, ("@id", record.Id), ("@customer", customerId), ("@channel", channel), ("@locale", locale), ("@at", now));
        await InsertEventsAsync(write, record.Id, 0, [new ConversationStarted(customerId, channel, locale)], now, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {HeaderColumns} FROM conversations WHERE id = @id");
        Database.AddParameters(command, ("@id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    public async Task<IReadOnlyList<ConversationRecord>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT {HeaderColumns} FROM conversations WHERE customer_id = @customer ORDER BY started_at DESC, id DESC LIMIT @limit");
        Database.AddParameters(command, ("@customer", customerId), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ConversationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string conversationId, long afterSeq, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT seq, occurred_at, data FROM conversation_events WHERE conversation_id = @id AND seq > @after ORDER BY seq");
        Database.AddParameters(command, ("@id", conversationId), ("@after", afterSeq));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var data = JsonSerializer.Deserialize<ConversationEvent>(reader.GetString(2), ConversationJson.Options)
                ?? throw new InvalidDataException($"Event {conversationId}#{reader.GetInt64(0)} is empty.");
            events.Add(new StoredEvent(conversationId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), data));
        }

        return events;
    }

    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(string conversationId, long expectedVersion,
        IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        var now = Now();
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var advanced = await write.ExecuteAsync("UPDATE conversations SET version = @next WHERE id = @id AND version = @expected",
            cancellationToken, ("@next", expectedVersion + events.Count), ("@id", conversationId), ("@expected", expectedVersion));
        if (advanced == 0)
        {
            throw await FindAsync(conversationId, cancellationToken) is null
                ? new ConversationNotFoundException(conversationId)
                : new ConcurrencyConflictException(conversationId, expectedVersion);
        }

        try
        {
            await InsertEventsAsync(write, conversationId, expectedVersion, events, now, cancellationToken, notify: true);
        }
        catch (DbException exception) when (database.IsUniqueViolation(exception) && events.FirstOrDefault(e => e.DedupeKey is not null) is { } keyed)
        {
            throw new DuplicateMessageException(conversationId, keyed.DedupeKey!);
        }

        await write.CommitAsync(cancellationToken);
        return [.. events.Select((e, i) => new StoredEvent(conversationId, expectedVersion + i + 1, now, e))];
    }

    public async Task<long?> FindByDedupeKeyAsync(string conversationId, string dedupeKey, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT seq FROM conversation_events WHERE conversation_id = @id AND dedupe_key = @key");
        Database.AddParameters(command, ("@id", conversationId), ("@key", dedupeKey));
        return await command.ExecuteScalarAsync(cancellationToken) is { } seq and not DBNull ? Convert.ToInt64(seq, null) : null;
    }

    public ValueTask<IAsyncDisposable> LockTurnAsync(string conversationId, CancellationToken cancellationToken) =>
        database.LockAsync("conversation:" + conversationId, cancellationToken);

    /// <summary>
    /// All the events in one multi-row INSERT, with the notification to other hosts when asked: one round trip however
    /// many events the turn produced.
    /// </summary>
    private async Task InsertEventsAsync(WriteTransaction write, string conversationId, long afterSeq, IReadOnlyList<ConversationEvent> events,
        DateTimeOffset at, CancellationToken cancellationToken, bool notify = false)
    {
        var rows = new List<string>(events.Count);
        var parameters = new List<(string, object?)> { ("@id", conversationId), ("@at", at) };
        for (var i = 0; i < events.Count; i++)
        {
            rows.Add($"(@id, @seq{i}, @type{i}, @at, {database.Json($"@data{i}")}, @key{i})");
            parameters.Add(($"@seq{i}", afterSeq + i + 1));
            parameters.Add(($"@type{i}", events[i].GetType().Name));
            parameters.Add(($"@data{i}", JsonSerializer.Serialize(events[i], ConversationJson.Options)));
            parameters.Add(($"@key{i}", events[i].DedupeKey));
        }

        var sql = $"INSERT INTO conversation_events (conversation_id, seq, type, occurred_at, data, dedupe_key) VALUES {string.Join(", ", rows)};";
        var notification = notify ? database.NotifySql("@channel", "@id") : "";
        if (notification.Length > 0)
        {
            sql += notification;
            parameters.Add(("@channel", ConversationChangeFeed.NotificationChannel));
        }

        await write.ExecuteAsync(sql, cancellationToken, [.. parameters]);
    }

    // PostgreSQL keeps microseconds; cutting there on every engine makes a record read back equal the one written.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static ConversationRecord ReadRecord(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5));
}
