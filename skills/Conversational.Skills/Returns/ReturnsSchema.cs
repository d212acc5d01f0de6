using System.Globalization;
using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Skills.Returns;

/// <summary>
/// The returns area's tables. Orders and tickets are kept whole as JSON documents (the order system's shape), with the
/// columns they are looked up by beside them; a ticket's <c>version</c> counts its changes so that two writers can
/// never both move it from the same status.
/// </summary>
public static class ReturnsSchema
{
    public static readonly SchemaMigration V1 = new("returns", 1, "orders, stock, return tickets and webhook deliveries", db => $"""
        CREATE TABLE returns_orders (
            order_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            placed_at TEXT NOT NULL,
            document {db.JsonType} NOT NULL
        );
        CREATE INDEX returns_orders_by_customer ON returns_orders (customer_id, placed_at);
        CREATE TABLE returns_stock (
            sku TEXT NOT NULL,
            size TEXT NOT NULL,
            units INTEGER NOT NULL CHECK (units >= 0),
            position INTEGER NOT NULL,
            PRIMARY KEY (sku, size)
        );
        CREATE TABLE returns_rmas (
            rma_id TEXT PRIMARY KEY,
            order_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            status TEXT NOT NULL,
            version INTEGER NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            created_at TEXT NOT NULL,
            document {db.JsonType} NOT NULL
        );
        CREATE INDEX returns_rmas_by_customer ON returns_rmas (customer_id, created_at);
        CREATE TABLE returns_webhook_deliveries (
            delivery_id TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            rma_id TEXT NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            note TEXT NULL,
            received_at TEXT NOT NULL
        );
        """);

    /// <summary>The documents' JSON: web defaults, and the records' nullability and required parameters enforced on read.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>An instant as stored: UTC, round-trip format, so that text order is time order.</summary>
    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An instant as the sender gave it, offset kept, for answering a repeat exactly as the first time.</summary>
    internal static string InstantWithOffset(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ReadInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
