using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Conversational.Skills.Outbox;
using Conversational.Storage;
using Microsoft.Extensions.Options;

namespace Conversational.Skills.Returns;

/// <summary>
/// Return tickets. Ids read as <c>RMA</c> + the shop's date + a sequence of that day (RMA20261123001). Creating a
/// ticket and every change of its status add their domain event (<see cref="ReturnRequested"/>,
/// <see cref="RmaStatusChanged"/>) to the outbox in the same transaction.
/// </summary>
public sealed partial class RmaStore(Database database, DomainEventOutbox outbox, IOptions<ReturnPolicy> policy)
{
    public const string IdPrefix = "RMA";

    // Two writers that pick the same next id, or the same idempotency key, collide on a unique index; the loser
    // starts over and sees the winner's row. More rounds than this means something else is wrong.
    private const int MaxAttempts = 5;

    /// <summary>
    /// Creates a ticket in status <see cref="RmaStatus.Requested"/>, or returns the one already created with this
    /// <paramref name="idempotencyKey"/> (the turn's id), so a retried turn never opens two tickets. An exchange
    /// reserves its new size's stock in the same transaction.
    /// </summary>
    /// <returns>The ticket; null when an exchange's size is no longer in stock (nothing was created).</returns>
    public async Task<Rma?> CreateAsync(RmaDraft draft, string idempotencyKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        if (draft.Items.Count == 0 || draft.Items.Any(item => (draft.Kind == ReturnKind.Exchange) != (item.ExchangeSize is not null)))
        {
            throw new ArgumentException("A ticket needs items, with an exchange size exactly when it is an exchange.", nameof(draft));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCreateAsync(draft, idempotencyKey, at, cancellationToken);
            }
            catch (DbException exception) when (database.IsUniqueViolation(exception) && attempt < MaxAttempts)
            {
                // Another writer took the id or the key first; the next round sees its row.
            }
        }
    }

    public async Task<Rma?> FindAsync(string rmaId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT document, version FROM returns_rmas WHERE rma_id = @id");
        Database.AddParameters(command, ("@id", rmaId));
        return (await ReadAsync(command, cancellationToken)) is [var found] ? found.Rma : null;
    }

    /// <summary>The ticket created with this idempotency key (the turn that asked for it), if any.</summary>
    public async Task<Rma?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT document, version FROM returns_rmas WHERE idempotency_key = @key");
        Database.AddParameters(command, ("@key", idempotencyKey));
        return (await ReadAsync(command, cancellationToken)) is [var found] ? found.Rma : null;
    }

    /// <summary>A customer's tickets, newest first.</summary>
    public async Task<IReadOnlyList<Rma>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT document, version FROM returns_rmas WHERE customer_id = @customer ORDER BY created_at DESC, rma_id DESC");
        Database.AddParameters(command, ("@customer", customerId));
        return [.. (await ReadAsync(command, cancellationToken)).Select(found => found.Rma)];
    }

    /// <summary>Adds an existing ticket (demo data) inside the caller's transaction unless its id is taken; no event is published.</summary>
    public async Task<bool> AddIfMissingAsync(WriteTransaction transaction, Rma rma, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(rma);
        return await InsertAsync(transaction, rma, idempotencyKey: null, "ON CONFLICT (rma_id) DO NOTHING", cancellationToken) == 1;
    }

    private async Task<Rma?> TryCreateAsync(RmaDraft draft, string idempotencyKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        await using (var existing = transaction.CreateCommand(
            "SELECT document, version FROM returns_rmas WHERE idempotency_key = @key", ("@key", idempotencyKey)))
        {
            if ((await ReadAsync(existing, cancellationToken)) is [var found])
            {
                return found.Rma;
            }
        }

        foreach (var item in draft.Kind == ReturnKind.Exchange ? draft.Items : [])
        {
            if (!await StockStore.TryReserveAsync(transaction, item.Sku, item.ExchangeSize!, item.Quantity, cancellationToken))
            {
                return null;
            }
        }

        var rma = new Rma(await NextIdAsync(transaction, at, cancellationToken), draft.OrderId, draft.CustomerId, draft.Items, draft.Reason,
            draft.Kind, draft.RefundAmount, RmaStatus.Requested, [new RmaTimelineEntry(RmaStatus.Requested, at, Note: null)]);
        await InsertAsync(transaction, rma, idempotencyKey, conflict: "", cancellationToken);
        await outbox.AddAsync(transaction, rma.CustomerId, ReturnRequested.For(rma), at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rma;
    }

    private async Task<string> NextIdAsync(WriteTransaction transaction, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var prefix = IdPrefix + at.ToOffset(policy.Value.UtcOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // Longest first: RMA…1000 comes after RMA…999.
        await using var command = transaction.CreateCommand(
            "SELECT rma_id FROM returns_rmas WHERE rma_id LIKE @pattern ORDER BY LENGTH(rma_id) DESC, rma_id DESC LIMIT 1",
            ("@pattern", prefix + "%"));
        var last = await command.ExecuteScalarAsync(cancellationToken) as string;
        var sequence = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n + 1
            : 1;
        return prefix + sequence.ToString("D3", CultureInfo.InvariantCulture);
    }

    private async Task<int> InsertAsync(WriteTransaction transaction, Rma rma, string? idempotencyKey, string conflict,
        CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            $"""
            INSERT INTO returns_rmas (rma_id, order_id, customer_id, status, version, idempotency_key, created_at, document)
            VALUES (@id, @order, @customer, @status, 1, @key, @created, {database.Json("@document")})
            {conflict}
            """,
            cancellationToken,
            ("@id", rma.RmaId), ("@order", rma.OrderId), ("@customer", rma.CustomerId), ("@status", rma.Status.ToString()),
            ("@key", idempotencyKey), ("@created", ReturnsSchema.Instant(rma.Timeline[0].At)),
            ("@document", JsonSerializer.Serialize(rma, ReturnsSchema.Json)));

    private static async Task<IReadOnlyList<(Rma Rma, int Version)>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rmas = new List<(Rma, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rmas.Add((JsonSerializer.Deserialize<Rma>(reader.GetString(0), ReturnsSchema.Json)
                ?? throw new InvalidDataException("A return ticket's document is empty."), reader.GetInt32(1)));
        }

        return rmas;
    }
}
