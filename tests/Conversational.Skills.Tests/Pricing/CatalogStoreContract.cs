using System.Text.Json;
using Conversational.Skills.Pricing;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>
/// The catalog store on a real database, started the way the product starts it (<c>AddSkills()</c>, demo seed at start):
/// the demo catalog as seeded, its windows moved to any day, lookups by SKU and by name, the featured items and the
/// coupons around now. Each engine runs the same cases.
/// </summary>
public abstract class CatalogStoreContract(StoreKind kind, PostgresServer? postgres) : IAsyncLifetime
{
    // 10:00 on the demo day in China.
    private static readonly DateTimeOffset DemoMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    // How long ago a coupon may have ended and still be listed, as the dialog asks.
    private static readonly TimeSpan RecentlyEnded = TimeSpan.FromDays(30);

    private static readonly DemoCatalog Demo = DemoCatalog.Load();

    private SkillsHost? _host;

    private CatalogStore Store => _host!.Get<CatalogStore>();

    public async Task InitializeAsync() => _host = await StartAsync(DemoMorning);

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    private Task<SkillsHost> StartAsync(DateTimeOffset now) =>
        SkillsHost.StartAsync(kind, postgres, configureServices: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

    [Fact]
    public async Task Seed_OnTheDemoDay_StoresEveryProductAndCouponAsTheCatalogHasThem()
    {
        var products = await Store.FindBySkusAsync([.. Demo.Products.Select(p => p.Sku)], default);
        var coupons = await Store.ListCouponsAsync(DemoMorning, DateTimeOffset.MinValue, default);

        Assert.Equal(Json(Demo.Products.OrderBy(p => p.Sku, StringComparer.Ordinal)), Json(products));
        Assert.Equal(Json(Demo.Coupons.Where(c => c.ValidFrom <= DemoMorning).OrderBy(c => c.Id, StringComparer.Ordinal)), Json(coupons));
    }

    [Fact]
    public async Task Seed_FortyDaysLater_MovesEveryWindow_SoTheDemoQuotesTheSame()
    {
        var later = DemoMorning.AddDays(40);
        await using var host = await StartAsync(later);
        var store = host.Get<CatalogStore>();

        var shoe = (await store.FindBySkuAsync("SH-1002", default))!;
        var coupons = await store.ListCouponsAsync(later, later - RecentlyEnded, default);

        var china = TimeSpan.FromHours(8);
        Assert.Equal((new DateTimeOffset(2026, 12, 30, 0, 0, 0, china), new DateTimeOffset(2027, 2, 10, 0, 0, 0, china)),
            (shoe.ActivityPrice!.Starts, shoe.ActivityPrice.Ends));
        var demoCoupons = Demo.Coupons.Where(c => c.ValidFrom <= DemoMorning && c.ValidUntil > DemoMorning - RecentlyEnded);
        Assert.Equal(demoCoupons.Select(c => c.Id).Order(StringComparer.Ordinal), coupons.Select(c => c.Id));
        var quote = PriceCalculator.Quote([new CartLine(shoe, 2, "42"), new CartLine((await store.FindBySkuAsync("AP-2004", default))!, 1)],
            coupons, later);
        var demo = PriceCalculator.Quote([new CartLine(Product("SH-1002"), 2, "42"), new CartLine(Product("AP-2004"), 1)], Demo.Coupons,
            DemoMorning);
        Assert.Equal((demo.FinalTotal, Json(demo.Steps), Json(demo.Lines), Json(demo.NextThreshold)),
            (quote.FinalTotal, Json(quote.Steps), Json(quote.Lines), Json(quote.NextThreshold)));
        Assert.Equal(demo.Dropped.Where(d => d.Reason != DropReason.NotStarted).Select(d => (d.Id, d.Reason)),
            quote.Dropped.Select(d => (d.Id, d.Reason)));
    }

    [Fact]
    public async Task Seed_AgainOnALaterDay_MovesTheDemoRowsAgain()
    {
        await new DemoCatalogSeed(Store, new FakeTimeProvider(DemoMorning.AddDays(3))).SeedAsync(default);

        var later = DemoMorning.AddDays(3);
        var coupon = Assert.Single(await Store.ListCouponsAsync(later, later, default), c => c.Id == "RUN-300-50");

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8)), coupon.ValidUntil);
    }

    [Fact]
    public async Task FindBySku_AnUnknownSku_IsNull_AndSeveralComeBackBySku()
    {
        Assert.Null(await Store.FindBySkuAsync("SH-9999", default));
        var found = await Store.FindBySkusAsync(["SH-1003", "AP-2003", "XX-0000", "SH-1003"], default);
        Assert.Equal(["AP-2003", "SH-1003"], found.Select(p => p.Sku));
        Assert.Empty(await Store.FindBySkusAsync([], default));
    }

    [Theory]
    [InlineData("轻羽竞速跑鞋", "SH-1001")]
    [InlineData("轻羽跑鞋到手价多少", "SH-1001")]
    [InlineData("轻跑跑鞋", "SH-1001")]
    [InlineData("輕羽競速跑鞋多少錢", "SH-1001")]
    [InlineData("越野跑鞋", "SH-1007")]
    [InlineData("纯棉T恤", "AP-2003")]
    [InlineData("ＴＲＡＩＬ ＲＵＮＮＩＮＧ ＳＨＯＥ", "SH-1007")]
    [InlineData("how much is the zip-up hoodie", "AP-2010")]
    [InlineData("price of a down jacket", "AP-2013")]
    [InlineData("卫衣", "AP-2009 AP-2010 AP-2011")]
    [InlineData("hoodies", "AP-2009 AP-2010")]
    [InlineData("越野", "SH-1007 SH-1008")]
    [InlineData("这双鞋到手多少钱", "")]
    [InlineData("how much is this pair of shoes", "")]
    [InlineData("小米手机", "")]
    public async Task Search_FindsTheProductsANameMeansBest(string text, string skus)
    {
        var found = await Store.SearchAsync(text, default);

        Assert.Equal(skus, string.Join(" ", found.Select(p => p.Sku)));
    }

    [Fact]
    public async Task Featured_AreTheProductsOnAnActivityPriceNow_BiggestSavingFirst()
    {
        var featured = await Store.ListFeaturedAsync(DemoMorning, 4, default);

        Assert.Equal(["SH-1004", "SH-1002", "SH-1012", "AP-2013"], featured.Select(p => p.Sku));
        Assert.Empty(await Store.ListFeaturedAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), 4, default));
    }

    [Fact]
    public async Task Coupons_AreThoseValidNowAndThoseEndedSince_NeverThoseNotStarted()
    {
        var ended = new Coupon("OLD-100-10", "国庆满100减10", "National Day: ¥10 off ¥100", CouponIssuer.Platform, CouponScope.PlatformWide,
            new ThresholdTerms(100m, 10m), DemoMorning.AddDays(-60), DemoMorning.AddDays(-50), "old");
        await Store.SaveAsync([], [ended], default);

        var recent = await Store.ListCouponsAsync(DemoMorning, DemoMorning - RecentlyEnded, default);
        var valid = await Store.ListCouponsAsync(DemoMorning, DemoMorning, default);

        var validNow = Demo.Coupons.Where(c => c.IsValidAt(DemoMorning)).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(validNow, valid.Select(c => c.Id));
        Assert.Equal(valid.Select(c => c.Id).Append("URB-1111-100").Order(StringComparer.Ordinal), recent.Select(c => c.Id));
        Assert.DoesNotContain(recent, c => c.Id is "OLD-100-10" or "PLAT-1212-50");
    }

    [Fact]
    public async Task Save_ReplacesTheProductWithItsSku_NameAndPriceAlike()
    {
        var old = Product("AP-2016");
        var renamed = new Product(old.Sku, "德绒保暖内衣", "Thermal underwear", old.Category, old.Brand, old.StoreId, 109m, old.Sizes, old.Colour,
            old.Material);

        await Store.SaveAsync([renamed], [], default);

        Assert.Equal(109m, (await Store.FindBySkuAsync("AP-2016", default))!.ListPrice);
        Assert.Equal(["AP-2016"], (await Store.SearchAsync("保暖内衣", default)).Select(p => p.Sku));
        Assert.Empty(await Store.SearchAsync("打底衫", default));
    }

    private static Product Product(string sku) => Demo.Products.Single(p => p.Sku == sku);

    /// <summary>Records holding lists compare by reference; their JSON compares what they say.</summary>
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, DemoCatalog.JsonOptions);
}

public sealed class SqliteCatalogStoreTests() : CatalogStoreContract(StoreKind.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogStoreTests(PostgresFixture postgres) : CatalogStoreContract(StoreKind.PostgreSql, postgres.Server);
