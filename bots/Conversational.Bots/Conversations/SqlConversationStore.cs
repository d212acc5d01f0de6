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

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = Command(connection, transaction,
            $"INSERT INTO conversations ({HeaderColumns}) VALUES (@id, @customer, @channel, @locale, @at, 1)"))
        {
            Database.AddParameters(insert, ("@id", record.Id), ("@customer", customerId), ("@channel", channel), ("@locale", locale),
                ("@at", now));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertEventAsync(connection, transaction, record.Id, 1, new ConversationStarted(customerId, channel, locale), now,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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

    public async Task AppendAsync(string conversationId, long expectedVersion, IReadOnlyList<ConversationEvent> events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var now = Now();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var advance = Command(connection, transaction,
            "UPDATE conversations SET version = @next WHERE id = @id AND version = @expected"))
        {
            Database.AddParameters(advance, ("@next", expectedVersion + events.Count), ("@id", conversationId), ("@expected", expectedVersion));
            if (await advance.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw await FindAsync(conversationId, cancellationToken) is null
                    ? new ConversationNotFoundException(conversationId)
                    : new ConcurrencyConflictException(conversationId, expectedVersion);
            }
        }

        var seq = expectedVersion;
        foreach (var @event in events)
        {
            try
            {
                await InsertEventAsync(connection, transaction, conversationId, ++seq, @event, now, cancellationToken);
            }
            catch (DbException exception) when (database.IsUniqueViolation(exception) && @event.DedupeKey is { } key)
            {
                throw new DuplicateMessageException(conversationId, key);
            }
        }

        await database.NotifyAsync(transaction, ConversationChangeFeed.NotificationChannel, conversationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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

    private async Task InsertEventAsync(DbConnection connection, DbTransaction transaction, string conversationId, long seq,
        ConversationEvent @event, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction,
            $"""
            INSERT INTO conversation_events (conversation_id, seq, type, occurred_at, data, dedupe_key)
            VALUES (@id, @seq, @type, @at, {database.Json("@data")}, @key)
            """);
        Database.AddParameters(insert, ("@id", conversationId), ("@seq", seq), ("@type", @event.GetType().Name), ("@at", at),
            ("@data", JsonSerializer.Serialize(@event, ConversationJson.Options)), ("@key", @event.DedupeKey));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    // PostgreSQL keeps microseconds; cutting there on every engine makes a record read back equal the one written.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static ConversationRecord ReadRecord(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5));
}
