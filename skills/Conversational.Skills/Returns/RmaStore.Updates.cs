using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Skills.Returns;

public sealed partial class RmaStore
{
    /// <summary>
    /// Moves a ticket through its lifecycle (<see cref="RmaLifecycle"/>) and adds the <see cref="RmaStatusChanged"/> to the
    /// outbox in the same transaction. The write succeeds only if nobody changed the ticket since it was read (its
    /// version), so two concurrent updates cannot both move it from the same status: the second is re-read and judged
    /// against the ticket as the first left it.
    /// </summary>
    /// <exception cref="ArgumentException">A rejection without a note saying why.</exception>
    public Task<RmaUpdateOutcome> AdvanceAsync(RmaStatusUpdate update, CancellationToken cancellationToken) =>
        ApplyAsync(update, delivery: null, cancellationToken);

    /// <summary>
    /// <see cref="AdvanceAsync"/> for a webhook delivery, recorded with the change in the same transaction. A delivery
    /// id seen before is answered with the change it made then and nothing changes now (replay protection and
    /// idempotent retries); one that comes with a different request is <see cref="RmaDeliveryReused"/>. Deliveries that
    /// changed nothing (unknown ticket, refused move) are not recorded, so the sender may retry them once the cause is fixed.
    /// </summary>
    public Task<RmaUpdateOutcome> ApplyDeliveryAsync(WebhookDelivery delivery, RmaStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return ApplyAsync(update, delivery, cancellationToken);
    }

    private async Task<RmaUpdateOutcome> ApplyAsync(RmaStatusUpdate update, WebhookDelivery? delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await TryApplyAsync(update, delivery, cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }

        throw new InvalidOperationException($"Return {update.RmaId} kept changing under {MaxAttempts} attempts to update it.");
    }

    /// <returns>The outcome; null when another writer changed the ticket (or recorded the delivery) first, to start over.</returns>
    private async Task<RmaUpdateOutcome?> TryApplyAsync(RmaStatusUpdate update, WebhookDelivery? delivery, CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        // The ticket's row is locked first (PostgreSQL; SQLite has one writer anyway), so a concurrent copy of the same
        // delivery waits here and then finds the delivery recorded, rather than finding the ticket already moved.
        var forUpdate = database.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE" : "";
        await using var read = transaction.CreateCommand($"SELECT document, version FROM returns_rmas WHERE rma_id = @id{forUpdate}",
            ("@id", update.RmaId));
        var found = await ReadAsync(read, cancellationToken);
        if (delivery is not null && await FindDeliveryAsync(transaction, delivery.DeliveryId, cancellationToken) is { } seen)
        {
            return seen.RequestHash == delivery.RequestHash ? new RmaUpdated(seen.Change, Repeated: true) : new RmaDeliveryReused(delivery.DeliveryId);
        }

        if (found is not [var (rma, version)])
        {
            return new RmaNotFound(update.RmaId);
        }

        if (!RmaLifecycle.CanAdvance(rma, update.To))
        {
            return new RmaMoveRefused(rma.RmaId, rma.Status, update.To);
        }

        var (moved, change) = RmaLifecycle.Advance(rma, update.To, update.At, update.Note);
        var written = await transaction.ExecuteAsync(
            $"""
            UPDATE returns_rmas SET status = @status, version = version + 1, document = {database.Json("@document")}
            WHERE rma_id = @id AND version = @version
            """,
            cancellationToken,
            ("@status", moved.Status.ToString()), ("@document", JsonSerializer.Serialize(moved, ReturnsSchema.Json)),
            ("@id", rma.RmaId), ("@version", version));
        if (written == 0 || (delivery is not null && !await TryRecordDeliveryAsync(transaction, delivery, change, cancellationToken)))
        {
            return null;
        }

        if (moved.Status == RmaStatus.Rejected && moved.Kind == ReturnKind.Exchange)
        {
            // The replacement will never ship: its reserved size goes back on the shelf.
            foreach (var item in moved.Items)
            {
                await StockStore.ReleaseAsync(transaction, item.Sku, item.ExchangeSize!, item.Quantity, cancellationToken);
            }
        }

        await outbox.AddAsync(transaction, moved.CustomerId, change, change.At, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RmaUpdated(change, Repeated: false);
    }

    private static async Task<(string RequestHash, RmaStatusChanged Change)?> FindDeliveryAsync(WriteTransaction transaction, string deliveryId,
        CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand(
            """
            SELECT d.request_hash, d.rma_id, r.order_id, r.customer_id, d.from_status, d.to_status, d.changed_at, d.note
            FROM returns_webhook_deliveries d JOIN returns_rmas r ON r.rma_id = d.rma_id
            WHERE d.delivery_id = @id
            """,
            ("@id", deliveryId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var change = new RmaStatusChanged(reader.GetString(1), reader.GetString(2), reader.GetString(3),
            Enum.Parse<RmaStatus>(reader.GetString(4)), Enum.Parse<RmaStatus>(reader.GetString(5)), ReturnsSchema.ReadInstant(reader.GetString(6)),
            reader.IsDBNull(7) ? null : reader.GetString(7));
        return (reader.GetString(0), change);
    }

    private static async Task<bool> TryRecordDeliveryAsync(WriteTransaction transaction, WebhookDelivery delivery, RmaStatusChanged change,
        CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            """
            INSERT INTO returns_webhook_deliveries (delivery_id, request_hash, rma_id, from_status, to_status, changed_at, note, received_at)
            VALUES (@id, @hash, @rma, @from, @to, @changed, @note, @received)
            ON CONFLICT (delivery_id) DO NOTHING
            """,
            cancellationToken,
            ("@id", delivery.DeliveryId), ("@hash", delivery.RequestHash), ("@rma", change.RmaId), ("@from", change.From.ToString()),
            ("@to", change.To.ToString()), ("@changed", ReturnsSchema.InstantWithOffset(change.At)), ("@note", change.Note),
            ("@received", ReturnsSchema.Instant(delivery.ReceivedAt))) == 1;
}
