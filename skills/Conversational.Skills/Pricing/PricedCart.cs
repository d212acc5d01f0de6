namespace Conversational.Skills.Pricing;

/// <summary>A cart quoted at one moment, with what explaining the quote needs: the products and the coupons it was quoted with.</summary>
internal sealed record PricedCart(PriceQuote Quote, IReadOnlyList<Product> Products, IReadOnlyList<Coupon> Coupons, DateOnly Today)
{
    public static PricedCart Of(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return new PricedCart(PriceCalculator.Quote(cart, coupons, now), [.. cart.Select(l => l.Product).DistinctBy(p => p.Sku)], coupons,
            PriceText.Day(now));
    }

    public Product ProductOf(string sku) => Products.First(p => p.Sku == sku);

    /// <summary>
    /// Offers that ended or have not started and concern this cart: the activity of any of its SKUs, and the coupons that
    /// would cover one of its items. A coupon of another store that ended is not worth a word.
    /// </summary>
    public IReadOnlyList<DroppedOffer> Lapsed =>
    [
        .. Quote.Dropped.Where(d => d.Reason is DropReason.Expired or DropReason.NotStarted
            && (d.Kind == OfferKind.Activity || Coupons.Any(c => c.Id == d.Id && Products.Any(c.Covers)))),
    ];
}
