namespace Conversational.Skills.Returns;

/// <summary>An order as the shop's order system reports it. Carrier and tracking number are set once it has shipped.</summary>
public sealed record Order(
    string OrderId,
    string CustomerId,
    DateTimeOffset PlacedAt,
    OrderStatus Status,
    DateTimeOffset? DeliveredAt,
    string? Carrier,
    string? TrackingNumber,
    IReadOnlyList<OrderItem> Items);

/// <summary>One order line. <paramref name="PaidPrice"/> is per unit, after every discount: what a refund gives back.</summary>
/// <param name="Size">A canonical size as the catalog writes it ("42", "XL"); sizes compare exactly.</param>
public sealed record OrderItem(int LineNo, string Sku, string Name, string NameEn, string Size, int Quantity, decimal PaidPrice);
