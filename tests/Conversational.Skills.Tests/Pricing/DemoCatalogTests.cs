using System.Text.Json;
using System.Text.RegularExpressions;
using Conversational.Skills.Pricing;

namespace Conversational.Skills.Tests.Pricing;

public sealed class DemoCatalogTests
{
    private static readonly DateTimeOffset DemoToday = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly DemoCatalog Catalog = DemoCatalog.Load();

    [Fact]
    public void Embedded_catalog_has_the_shoes_and_apparel()
    {
        var shoes = Catalog.Products.Where(product => product.Sku.StartsWith("SH-", StringComparison.Ordinal)).ToList();
        var apparel = Catalog.Products.Where(product => product.Sku.StartsWith("AP-", StringComparison.Ordinal)).ToList();

        Assert.Equal(Enumerable.Range(1001, 16).Select(n => $"SH-{n}"), shoes.Select(product => product.Sku));
        Assert.Equal(Enumerable.Range(2001, 16).Select(n => $"AP-{n}"), apparel.Select(product => product.Sku));
        Assert.All(shoes, shoe => Assert.Equal(["38", "39", "40", "41", "42", "43", "44", "45"], shoe.Sizes));
        Assert.All(apparel, item => Assert.Equal(["S", "M", "L", "XL", "XXL"], item.Sizes));
        Assert.Equal(["store-run", "store-urban"], Catalog.Products.Select(product => product.StoreId).Distinct().Order());
        Assert.True(Catalog.Products.Select(product => product.Brand).Distinct().Count() >= 3);
        Assert.True(Catalog.Products.Select(product => product.Category).Distinct().Count() >= 5);
        Assert.All(Catalog.Products, product =>
        {
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), product.Name);
            Assert.Matches(new Regex("^[A-Z0-9]"), product.NameEn);
            Assert.NotEmpty(product.Colour);
            Assert.NotEmpty(product.Material);
        });
    }

    [Fact]
    public void Embedded_catalog_has_an_ended_and_a_running_activity()
    {
        var activities = Catalog.Products.Select(product => product.ActivityPrice).OfType<ActivityPrice>().ToList();

        Assert.Contains(activities, activity => activity.Ends == new DateTimeOffset(2026, 11, 12, 0, 0, 0, TimeSpan.FromHours(8)));
        Assert.Contains(activities, activity => activity.IsActiveAt(DemoToday)
            && activity.Ends == new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Embedded_catalog_has_every_coupon_kind_scope_and_issuer()
    {
        var coupons = Catalog.Coupons;

        Assert.True(coupons.Count >= 12);
        Assert.Equal(4, coupons.Select(coupon => coupon.Terms.GetType()).Distinct().Count());
        Assert.Equal(Enum.GetValues<CouponScope>(), coupons.Select(coupon => coupon.Scope).Distinct().Order());
        Assert.Equal(Enum.GetValues<CouponIssuer>(), coupons.Select(coupon => coupon.Issuer).Distinct().Order());
        Assert.True(coupons.Select(coupon => coupon.StackGroup).Distinct().Count() >= 6);
        Assert.Contains(coupons, coupon => coupon.ValidUntil == new DateTimeOffset(2026, 11, 12, 0, 0, 0, TimeSpan.FromHours(8)));
        Assert.Contains(coupons, coupon => coupon.ValidFrom > DemoToday);
        Assert.All(coupons.Where(coupon => coupon.Skus is not null).SelectMany(coupon => coupon.Skus!),
            sku => Assert.Contains(Catalog.Products, product => product.Sku == sku));
    }

    [Fact]
    public void Demo_cart_is_quoted_with_the_ended_activity_and_coupons_explained()
    {
        var shoe = Catalog.Products.Single(product => product.Sku == "SH-1001"); // 双十一特价 ended, list ¥899
        var hoodie = Catalog.Products.Single(product => product.Sku == "AP-2009");

        var quote = PriceCalculator.Quote([new CartLine(shoe, 1, "42"), new CartLine(hoodie, 1, "L")], Catalog.Coupons, DemoToday);

        var activity = Assert.Single(quote.Dropped, dropped => dropped.Kind == OfferKind.Activity);
        Assert.Equal(("SH-1001", DropReason.Expired), (activity.Id, activity.Reason));
        Assert.Equal(DropReason.Expired, quote.Dropped.Single(dropped => dropped.Id == "URB-1111-100").Reason);
        Assert.Equal(DropReason.NotStarted, quote.Dropped.Single(dropped => dropped.Id == "PLAT-1212-50").Reason);
        Assert.Equal(1198m, quote.ListTotal);
        Assert.Equal(quote.CouponSaving, quote.Lines.Sum(line => line.CouponDiscount));
        Assert.NotEmpty(quote.CouponsUsed);
    }

    [Fact]
    public void Catalog_round_trips_through_its_json_options()
    {
        var json = JsonSerializer.Serialize(Catalog, DemoCatalog.JsonOptions);

        var again = DemoCatalog.Parse(json);

        Assert.Equal(json, JsonSerializer.Serialize(again, DemoCatalog.JsonOptions));
        Assert.Contains("\"kind\": \"stepped\"", json, StringComparison.Ordinal);
        Assert.Contains("\"issuer\": \"platform\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_with_an_invalid_coupon_is_rejected()
    {
        const string json = """
            {"products": [], "coupons": [{"id": "BAD", "name": "坏券", "nameEn": "Bad", "issuer": "platform", "scope": "platformWide",
              "terms": {"kind": "threshold", "threshold": 300, "amount": -50},
              "validFrom": "2026-11-20T00:00:00+08:00", "validUntil": "2026-12-01T00:00:00+08:00", "stackGroup": "g"}]}
            """;

        var error = Assert.Throws<ArgumentException>(() => DemoCatalog.Parse(json));

        Assert.Equal("Amount", error.ParamName);
    }

    [Fact]
    public void Catalog_with_an_unknown_coupon_kind_is_rejected() =>
        Assert.ThrowsAny<JsonException>(() => DemoCatalog.Parse("""{"products": [], "coupons": [{"terms": {"kind": "lottery"}}]}"""));
}
