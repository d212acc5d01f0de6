using Conversational.Storage;

namespace Conversational.Skills.Returns;

/// <summary>
/// Units in stock per SKU and size, in the catalog's size order. An exchange reserves its new size when its ticket is
/// created (<see cref="RmaStore.CreateAsync"/>), so two customers cannot both be promised the last pair.
/// </summary>
public sealed class StockStore(Database database)
{
    /// <summary>The stock of the given SKUs; a SKU that is not listed has none of any size.</summary>
    public async Task<StockTable> ForSkusAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var table = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sku in skus.Distinct(StringComparer.Ordinal))
        {
            await using var command = database.DataSource.CreateCommand(
                "SELECT size, units FROM returns_stock WHERE sku = @sku ORDER BY position, size");
            Database.AddParameters(command, ("@sku", sku));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                sizes.Add(reader.GetString(0), reader.GetInt32(1));
            }

            table[sku] = sizes;
        }

        return new StockTable(table);
    }

    /// <summary>Lists a size of a SKU inside the caller's transaction unless it is listed already; true if it was added.</summary>
    /// <param name="position">Where the size sorts among the SKU's sizes (38 before 39, S before M).</param>
    public static async Task<bool> AddIfMissingAsync(WriteTransaction transaction, string sku, string size, int units, int position,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.ExecuteAsync(
            """
            INSERT INTO returns_stock (sku, size, units, position) VALUES (@sku, @size, @units, @position)
            ON CONFLICT (sku, size) DO NOTHING
            """,
            cancellationToken, ("@sku", sku), ("@size", size), ("@units", units), ("@position", position)) == 1;
    }

    /// <summary>Takes units off a size inside the caller's transaction; false (and nothing changed) when fewer are in stock.</summary>
    internal static async Task<bool> TryReserveAsync(WriteTransaction transaction, string sku, string size, int units,
        CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            "UPDATE returns_stock SET units = units - @units WHERE sku = @sku AND size = @size AND units >= @units",
            cancellationToken, ("@sku", sku), ("@size", size), ("@units", units)) == 1;

    /// <summary>Gives reserved units back inside the caller's transaction (an exchange that was rejected).</summary>
    internal static Task ReleaseAsync(WriteTransaction transaction, string sku, string size, int units, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE returns_stock SET units = units + @units WHERE sku = @sku AND size = @size",
            cancellationToken, ("@sku", sku), ("@size", size), ("@units", units));
}
