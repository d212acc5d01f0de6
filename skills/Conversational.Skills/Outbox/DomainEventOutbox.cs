using System.Globalization;
using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Skills.Outbox;

/// <summary>A business result the customer should hear about (a refund issued, an installment approved).</summary>
/// <param name="Id">Increasing in the order the results were committed.</param>
/// <param name="Kind">The payload's type name, e.g. <c>InstallmentApproved</c>.</param>
public sealed record DomainEventEnvelope(long Id, string Kind, string CustomerId, JsonElement Payload, DateTimeOffset OccurredAt);

/// <summary>
/// The transactional outbox the outbound notifier reads: a result is added in the same transaction that makes it
/// true, so no approved installment goes unannounced and no notice announces what was rolled back.
/// </summary>
public sealed class DomainEventOutbox(Database database)
{
    public static readonly SchemaMigration Schema = new("outbox", 1, "domain events for the outbound notifier", db => $"""
        CREATE TABLE domain_events (
            id {(db.Provider == DatabaseProvider.PostgreSql ? "BIGINT GENERATED ALWAYS AS IDENTITY" : "INTEGER")} PRIMARY KEY,
            kind TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            payload {db.JsonType} NOT NULL,
            occurred_at TEXT NOT NULL
        );
        """);

    /// <summary>Adds <paramref name="payload"/> inside the caller's transaction.</summary>
    public async Task AddAsync<T>(WriteTransaction transaction, string customerId, T payload, DateTimeOffset occurredAt,
        CancellationToken cancellationToken) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.ExecuteAsync(
            $"INSERT INTO domain_events (kind, customer_id, payload, occurred_at) VALUES (@kind, @customer, {database.Json("@payload")}, @at)",
            cancellationToken,
            ("@kind", typeof(T).Name), ("@customer", customerId),
            ("@payload", JsonSerializer.Serialize(payload, JsonSerializerOptions.Web)),
            ("@at", occurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>Events after <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<DomainEventEnvelope>> ReadAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT id, kind, customer_id, payload, occurred_at FROM domain_events WHERE id > @after ORDER BY id LIMIT @limit");
        Database.AddParameters(command, ("@after", afterId), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<DomainEventEnvelope>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var payload = JsonDocument.Parse(reader.GetString(3));
            events.Add(new DomainEventEnvelope(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), payload.RootElement.Clone(),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
        }

        return events;
    }
}
