using BenchmarkDotNet.Attributes;
using Conversational.Skills.Pricing;

namespace Conversational.Benchmarks;

/// <summary>
/// One price-after-coupons quote per invocation (see <see cref="PricingBenchmarkConfig"/>): <see cref="Lines"/> cart
/// lines from the demo catalog and <see cref="Coupons"/> coupons, all valid now, drawn with a fixed seed. The benchmark
/// cycles through <see cref="Cases"/> such carts, so no single lucky cart decides the figures. Three mixes:
/// <list type="bullet">
/// <item><c>mixed</c>: a realistic wallet, store and platform coupons of every kind and scope in twelve stack groups
/// (two store 满减 coupons share one, three platform red packets another), thresholds at 30–120% of the eligible subtotal.</item>
/// <item><c>own-groups</c>: the same, but every coupon in its own stack group: 2^15 legal combinations.</item>
/// <item><c>tight</c>: a stress test. Every coupon is in its own group and every threshold is at 70–100% of its eligible
/// subtotal, so earlier coupons keep pushing later ones under their thresholds, and many combinations come within a
/// few yuan of each other.</item>
/// </list>
/// </summary>
[Config(typeof(PricingBenchmarkConfig))]
public class PricingBenchmark
{
    public const int Lines = 30;
    public const int Coupons = 15;
    public const int Cases = 64;

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8));

    private (CartLine[] Cart, Coupon[] Coupons)[] _cases = [];
    private int _next;

    public static string[] Mixes { get; } = ["mixed", "own-groups", "tight"];

    [ParamsSource(nameof(Mixes))]
    public string Mix { get; set; } = "mixed";

    [GlobalSetup]
    public void Setup()
    {
        var catalog = DemoCatalog.Load();
        var random = new Random(20261123);
        _cases = [.. Enumerable.Range(0, Cases).Select(_ => Case(random, catalog.Products))];
        _next = 0;
    }

    [Benchmark(Description = "Quote(30 lines, 15 coupons)")]
    public PriceQuote Quote()
    {
        var (cart, coupons) = _cases[_next++ % _cases.Length];
        return PriceCalculator.Quote(cart, coupons, Now);
    }

    private (CartLine[] Cart, Coupon[] Coupons) Case(Random random, IReadOnlyList<Product> products)
    {
        var cart = Enumerable.Range(0, Lines).Select(_ =>
        {
            var product = products[random.Next(products.Count)];
            return new CartLine(product, random.Next(5) == 0 ? 2 : 1, product.Sizes[random.Next(product.Sizes.Count)]);
        }).ToArray();
        return (cart, [.. Enumerable.Range(0, Coupons).Select(i => Coupon(random, cart, i))]);
    }

    // Coupons 0–5 are store-issued, 6–14 platform-issued; in the mixed wallet 0–1 share a stack group, and so do 11–13.
    private Coupon Coupon(Random random, CartLine[] cart, int index)
    {
        var id = $"C{index:D2}";
        var product = cart[random.Next(cart.Length)].Product;
        var store = index < 6;
        var (scope, storeId, category, skus) = (store, random.Next(4)) switch
        {
            (true, 0) => (CouponScope.Category, product.StoreId, product.Category, null),
            (true, 1) => (CouponScope.Skus, product.StoreId, null, new[] { product.Sku }),
            (true, _) => (CouponScope.Store, product.StoreId, (string?)null, (string[]?)null),
            (false, 0) => (CouponScope.Category, null, product.Category, null),
            (false, 1) => (CouponScope.Store, product.StoreId, null, null),
            (false, _) => (CouponScope.PlatformWide, null, null, null),
        };
        var eligible = cart
            .Where(line => (storeId is null || line.Product.StoreId == storeId) && (category is null || line.Product.Category == category)
                && (skus is null || skus.Contains(line.Product.Sku)))
            .Sum(line => line.Quantity * (line.Product.ActivityPrice is { } a && a.IsActiveAt(Now) ? a.Price : line.Product.ListPrice));
        var reach = Mix == "tight" ? random.Next(70, 101) / 100m : random.Next(30, 121) / 100m;
        var threshold = Math.Max(10m, decimal.Round(eligible * reach / 10m) * 10m);
        CouponTerms terms = random.Next(4) switch
        {
            0 => new ThresholdTerms(threshold, Math.Max(5m, decimal.Round(threshold * random.Next(5, 16) / 500m) * 5m)),
            1 => new SteppedTerms(Math.Max(50m, decimal.Round(threshold / 150m) * 50m), 15m * random.Next(1, 4), 50m * random.Next(1, 6)),
            2 => new PercentOffTerms(5m * random.Next(1, 5), 20m * random.Next(1, 8)),
            _ => new NoThresholdTerms(5m * random.Next(1, 7)),
        };
        var group = Mix != "mixed" ? id
            : index is 0 or 1 ? "store-full-reduction"
            : index is >= 11 and <= 13 ? "platform-red-packet"
            : id;
        return new Coupon(id, "券" + id, "Coupon " + id, store ? CouponIssuer.Store : CouponIssuer.Platform, scope, terms,
            Now.AddDays(-3), Now.AddDays(7), group, storeId, category, skus);
    }
}
