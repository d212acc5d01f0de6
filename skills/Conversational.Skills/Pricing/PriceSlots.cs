namespace Conversational.Skills.Pricing;

/// <summary>What the price dialog keeps between turns, in the conversation's log; agents see it in the handoff package.</summary>
internal sealed record PriceSlots
{
    /// <summary>The language the dialog speaks; a message of only a SKU, a size or a quantity does not switch it.</summary>
    public required string Language { get; init; }

    /// <summary>The items priced (or to be priced once the choices are made), in the order the customer named them.</summary>
    public IReadOnlyList<PriceItem> Cart { get; init; } = [];

    /// <summary>Names that matched several products, each waiting for the customer's pick; the first is being asked.</summary>
    public IReadOnlyList<PriceChoice> Choices { get; init; } = [];

    /// <summary>The products suggested while asking which product (on an activity price now).</summary>
    public IReadOnlyList<ProductOption> Suggested { get; init; } = [];

    /// <summary>A quantity said before any product ("买两双"), for the product named next.</summary>
    public int? WantedQuantity { get; init; }

    /// <summary>A size said before any product ("42码的多少钱"), for the product named next.</summary>
    public string? WantedSize { get; init; }
}

/// <summary>One line of the customer's cart: a SKU, how many, and the size if they said one.</summary>
internal sealed record PriceItem(string Sku, int Quantity, string? Size);

/// <summary>A name that matched <paramref name="Found"/> products (the first few offered), and the quantity and size said.</summary>
internal sealed record PriceChoice(IReadOnlyList<ProductOption> Options, int Found, int? Quantity, string? Size);

/// <summary>A product as an option to pick: enough to show it in either language without reading the catalog.</summary>
internal sealed record ProductOption(string Sku, string Name, string NameEn)
{
    public static ProductOption Of(Product product) => new(product.Sku, product.Name, product.NameEn);
}
