using System.Data.Common;
using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Skills.Returns;

/// <summary>The shop's orders as the returns skill sees them: a customer's, newest first, or one by its number.</summary>
public sealed class OrderStore(Database database)
{
    /// <summary>A customer's orders, newest first: the choices the bot offers.</summary>
    public async Task<IReadOnlyList<Order>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT document FROM returns_orders WHERE customer_id = @customer ORDER BY placed_at DESC, order_id DESC LIMIT @limit");
        Database.AddParameters(command, ("@customer", customerId), ("@limit", limit));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Order?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT document FROM returns_orders WHERE order_id = @id");
        Database.AddParameters(command, ("@id", orderId));
        return (await ReadAsync(command, cancellationToken)) is [var order] ? order : null;
    }

    /// <summary>Adds the order inside the caller's transaction unless its number is taken; true if it was added.</summary>
    public async Task<bool> AddIfMissingAsync(WriteTransaction transaction, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(order);
        return await transaction.ExecuteAsync(
            $"""
            INSERT INTO returns_orders (order_id, customer_id, placed_at, document)
            VALUES (@id, @customer, @placed, {database.Json("@document")})
            ON CONFLICT (order_id) DO NOTHING
            """,
            cancellationToken,
            ("@id", order.OrderId), ("@customer", order.CustomerId), ("@placed", ReturnsSchema.Instant(order.PlacedAt)),
            ("@document", JsonSerializer.Serialize(order, ReturnsSchema.Json))) == 1;
    }

    /// <summary>Whether the store has any order at all, read inside the caller's transaction.</summary>
    public static async Task<bool> AnyAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var command = transaction.CreateCommand("SELECT 1 FROM returns_orders LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<IReadOnlyList<Order>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(JsonSerializer.Deserialize<Order>(reader.GetString(0), ReturnsSchema.Json)
                ?? throw new InvalidDataException("An order document is empty."));
        }

        return orders;
    }
}
