namespace Conversational.Skills.Pricing;

/// <summary>
/// One line of the cart: <see cref="Quantity"/> units of <see cref="Product"/> in <see cref="Size"/> (one of the
/// product's sizes, or none). Quantity is 1 to <see cref="MaxQuantity"/>; anything else is an <see cref="ArgumentException"/>.
/// </summary>
public sealed record CartLine(Product Product, int Quantity, string? Size = null)
{
    public const int MaxQuantity = 9_999;

    public Product Product { get; } = Require.NotNull(Product, nameof(Product));

    public int Quantity { get; } = Quantity is > 0 and <= MaxQuantity
        ? Quantity
        : throw new ArgumentException($"Quantity must be from 1 to {MaxQuantity}, not {Quantity}.", nameof(Quantity));

    public string? Size { get; } = Size is null || Product.Sizes.Contains(Size, StringComparer.Ordinal)
        ? Size
        : throw new ArgumentException($"{Product.Sku} comes in {string.Join("/", Product.Sizes)}, not in size {Size}.", nameof(Size));
}
