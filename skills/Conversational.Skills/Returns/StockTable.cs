namespace Conversational.Skills.Returns;

/// <summary>Units in stock per SKU and size. A SKU or size that is not listed has none.</summary>
public sealed class StockTable(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> unitsBySkuAndSize)
{
    public int Available(string sku, string size) =>
        unitsBySkuAndSize.TryGetValue(sku, out var bySize) && bySize.TryGetValue(size, out var units) ? units : 0;

    /// <summary>The sizes of a SKU with at least <paramref name="quantity"/> units, in the table's order, for "41码和43码有货".</summary>
    public IReadOnlyList<string> SizesInStock(string sku, int quantity = 1) =>
        unitsBySkuAndSize.TryGetValue(sku, out var bySize)
            ? bySize.Where(size => size.Value >= quantity).Select(size => size.Key).ToList()
            : [];

    /// <summary>Every size listed for a SKU, in stock or not, in the table's order.</summary>
    public IReadOnlyList<string> Sizes(string sku) =>
        unitsBySkuAndSize.TryGetValue(sku, out var bySize) ? [.. bySize.Keys] : [];

    public IEnumerable<string> Skus => unitsBySkuAndSize.Keys;
}
