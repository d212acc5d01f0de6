using Conversational.Skills.Pricing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>Short builders for products, coupons and carts; the demo's today is 2026-11-23 noon, Beijing time.</summary>
internal static class Shop
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, Beijing);
    public static readonly DateTimeOffset LastWeek = Now.AddDays(-7);
    public static readonly DateTimeOffset NextMonth = Now.AddDays(30);

    public static Product Shoe(string sku, decimal price, string store = "store-run", string category = "running-shoes",
        ActivityPrice? activity = null) =>
        new(sku, "跑鞋 " + sku, "Running shoe " + sku, category, "Swiftfeet", store, price, ["40", "41", "42"], "黑色", "网布",
            activity);

    public static Product Tee(string sku, decimal price, string store = "store-urban") =>
        new(sku, "T恤 " + sku, "T-shirt " + sku, "t-shirts", "Urbanknit", store, price, ["S", "M", "L"], "白色", "棉");

    public static CartLine Line(Product product, int quantity = 1) => new(product, quantity);

    public static Coupon StoreCoupon(string id, CouponTerms terms, string store = "store-run", string? group = null,
        CouponScope scope = CouponScope.Store, string? category = null, IReadOnlyList<string>? skus = null,
        DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        new(id, "店铺券 " + id, "Store coupon " + id, CouponIssuer.Store, scope, terms, from ?? LastWeek, until ?? NextMonth,
            group ?? id, store, category, skus);

    public static Coupon PlatformCoupon(string id, CouponTerms terms, string? group = null,
        CouponScope scope = CouponScope.PlatformWide, string? store = null, string? category = null,
        IReadOnlyList<string>? skus = null, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        new(id, "平台券 " + id, "Platform coupon " + id, CouponIssuer.Platform, scope, terms, from ?? LastWeek,
            until ?? NextMonth, group ?? id, store, category, skus);

    public static PriceQuote Quote(IReadOnlyList<CartLine> cart, params Coupon[] coupons) =>
        PriceCalculator.Quote(cart, coupons, Now);

    public static string[] UsedIds(this PriceQuote quote) => [.. quote.CouponsUsed.Select(coupon => coupon.Id)];

    public static DroppedOffer DroppedCoupon(this PriceQuote quote, string id) =>
        Assert.Single(quote.Dropped, dropped => dropped.Kind == OfferKind.Coupon && dropped.Id == id);
}
