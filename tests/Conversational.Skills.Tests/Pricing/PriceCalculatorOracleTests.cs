using Conversational.Skills.Pricing;
using Xunit.Abstractions;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>
/// <see cref="PriceCalculator.Quote"/> against the brute-force <see cref="PricingOracle"/> on random carts and coupon
/// sets (fixed seed), built to hit the edges: thresholds exactly met, windows starting or ending exactly now, prices
/// near ¥0.01, equal coupons that only the tie-break separates, crowded and singleton stack groups.
/// </summary>
public sealed class PriceCalculatorOracleTests(ITestOutputHelper output)
{
    private const int Cases = 6_000;
    private static readonly DateTimeOffset Now = Shop.Now;
    private static readonly string[] Stores = ["store-run", "store-urban"];
    private static readonly string[] Categories = ["running-shoes", "t-shirts", "jackets"];

    [Fact]
    public void Quote_equals_the_brute_force_oracle_on_random_carts_and_coupons()
    {
        var random = new Random(20261123);
        int withCoupons = 0, withTies = 0, withHint = 0;
        for (var n = 0; n < Cases; n++)
        {
            var (cart, coupons) = RandomCase(random);

            var quote = PriceCalculator.Quote(cart, coupons, Now);
            var oracle = PricingOracle.Quote(cart, coupons, Now);

            var context = $"case {n}: {Describe(cart, coupons)}";
            Assert.True(oracle.FinalTotal == quote.FinalTotal, $"{context}\nfinal {quote.FinalTotal}, oracle {oracle.FinalTotal}");
            Assert.True(oracle.CouponIds.SequenceEqual(quote.CouponsUsed.Select(coupon => coupon.Id)),
                $"{context}\nused {string.Join(",", quote.CouponsUsed.Select(c => c.Id))}, oracle {string.Join(",", oracle.CouponIds)}");
            Assert.True(oracle.LineDiscounts.SequenceEqual(quote.Lines.Select(line => line.CouponDiscount)), $"{context}\nallocation differs");
            Assert.Equal(quote.CouponSaving, quote.Lines.Sum(line => line.CouponDiscount));
            Assert.Equal(quote.FinalTotal, quote.Lines.Sum(line => line.FinalAmount));
            Assert.All(quote.Lines, line => Assert.True(line.FinalAmount >= line.Quantity * 0.01m, $"{context}\n{line}"));
            Assert.True(oracle.Hint == quote.NextThreshold, $"{context}\nhint {quote.NextThreshold}, oracle {oracle.Hint}");

            withCoupons += quote.CouponsUsed.Count > 0 ? 1 : 0;
            withTies += coupons.GroupBy(c => c.Terms).Any(same => same.Count() > 1) ? 1 : 0;
            withHint += quote.NextThreshold is null ? 0 : 1;
        }

        output.WriteLine($"{Cases} cases: {withCoupons} used coupons, {withTies} had equal coupons, {withHint} had a hint.");
        Assert.True(withCoupons > Cases / 2 && withTies > Cases / 10 && withHint > Cases / 10);
    }

    [Fact]
    public void Quote_equals_the_oracle_on_full_carts_with_every_coupon_in_its_own_stack_group()
    {
        // 30 lines × 12 coupons, thresholds at 70–100% of the eligible subtotal: the search has to prune hard here.
        var random = new Random(20261123);
        var tradeOffs = 0;
        for (var n = 0; n < 5; n++)
        {
            var products = Enumerable.Range(0, 12).Select(i => RandomProduct(random, i, tiny: false)).ToArray();
            var cart = Enumerable.Range(0, 30).Select(_ => new CartLine(products[random.Next(products.Length)], random.Next(1, 3))).ToArray();
            var coupons = Enumerable.Range(0, 12).Select(i => TightCoupon(random, $"T{i:D2}", cart)).ToArray();

            var quote = PriceCalculator.Quote(cart, coupons, Now);
            var oracle = PricingOracle.Quote(cart, coupons, Now);

            Assert.Equal(oracle.FinalTotal, quote.FinalTotal);
            Assert.Equal(oracle.CouponIds, quote.CouponsUsed.Select(coupon => coupon.Id));
            Assert.Equal(oracle.LineDiscounts, quote.Lines.Select(line => line.CouponDiscount));
            Assert.Equal(oracle.Hint, quote.NextThreshold);
            tradeOffs += quote.Dropped.Count(dropped => dropped.Reason is DropReason.ThresholdNotMet or DropReason.NotInBestCombination);
        }

        output.WriteLine($"{tradeOffs} coupons left out for a better combination or below their threshold.");
        Assert.True(tradeOffs >= 10);
    }

    private static Coupon TightCoupon(Random random, string id, CartLine[] cart)
    {
        var product = cart[random.Next(cart.Length)].Product;
        var coupon = RandomCoupon(random, id, new NoThresholdTerms(1m), id, [product]);
        var eligible = cart.Where(line => coupon.Covers(line.Product)).Sum(line => line.Quantity * UnitPriceNow(line.Product));
        var threshold = Math.Max(1m, decimal.Round(eligible * random.Next(70, 101) / 100m));
        var amount = Math.Max(1m, decimal.Round(threshold * random.Next(5, 25) / 100m));
        CouponTerms terms = random.Next(4) switch
        {
            0 or 1 => new ThresholdTerms(threshold, amount),
            2 => new SteppedTerms(Math.Max(1m, decimal.Round(threshold / 3)), decimal.Round(amount / 3) + 1, amount),
            _ => new PercentOffTerms(random.Next(1, 20), amount),
        };
        return new Coupon(id, coupon.Name, coupon.NameEn, coupon.Issuer, coupon.Scope, terms, Now.AddDays(-1), Now.AddDays(1), id,
            coupon.StoreId, coupon.Category, coupon.Skus);
    }

    private static (CartLine[] Cart, Coupon[] Coupons) RandomCase(Random random)
    {
        var tiny = random.Next(6) == 0;
        var products = Enumerable.Range(0, random.Next(1, 6)).Select(i => RandomProduct(random, i, tiny)).ToArray();
        var cart = Enumerable.Range(0, random.Next(1, 7))
            .Select(_ => new CartLine(products[random.Next(products.Length)], random.Next(4) == 0 ? random.Next(2, 4) : 1))
            .ToArray();
        // Subtotals that thresholds can hit exactly: a line, or the whole cart, at the price that applies now.
        var subtotals = cart.Select(line => line.Quantity * UnitPriceNow(line.Product)).Append(cart.Sum(line => line.Quantity * UnitPriceNow(line.Product)))
            .ToArray();
        var crowded = random.Next(3) == 0;
        var coupons = new List<Coupon>();
        var count = random.Next(0, 9);
        for (var i = 0; i < count; i++)
        {
            // Now and then an exact copy of an earlier coupon's terms under another id: a tie only the rules can break.
            var terms = coupons.Count > 0 && random.Next(5) == 0
                ? coupons[random.Next(coupons.Count)].Terms
                : RandomTerms(random, subtotals, tiny);
            var group = crowded ? $"g{random.Next(3)}" : random.Next(4) == 0 ? "shared" : $"own-{i}";
            coupons.Add(RandomCoupon(random, $"C{random.Next(100):D2}-{i}", terms, group, products));
        }

        return (cart, [.. coupons]);
    }

    private static Product RandomProduct(Random random, int index, bool tiny)
    {
        var price = tiny ? Cents(random, 1, 60) : random.Next(4) switch
        {
            0 => Cents(random, 1, 2_000),
            1 => random.Next(1, 12) * 50m,
            2 => random.Next(20, 1_000) + 0.99m,
            _ => Cents(random, 1_000, 100_000),
        };
        ActivityPrice? activity = null;
        if (random.Next(3) == 0)
        {
            var (starts, ends) = RandomWindow(random);
            activity = new ActivityPrice(Math.Max(0.01m, decimal.Round(price * random.Next(50, 101) / 100m, 2)), "活动", "Activity", starts, ends);
        }

        return new Product($"SKU-{index}", "商品", "Product", Categories[random.Next(Categories.Length)], "Brand",
            Stores[random.Next(Stores.Length)], price, ["M"], "黑色", "棉", activity);
    }

    private static CouponTerms RandomTerms(Random random, decimal[] subtotals, bool tiny)
    {
        var exact = subtotals[random.Next(subtotals.Length)];
        var threshold = random.Next(3) == 0 ? exact : tiny ? Cents(random, 1, 200) : random.Next(1, 20) * 50m;
        var amount = tiny ? Cents(random, 1, 100) : random.Next(1, 12) * 10m;
        return random.Next(4) switch
        {
            0 => new ThresholdTerms(threshold, amount),
            1 => new SteppedTerms(threshold, amount, random.Next(3) == 0 ? null : amount * random.Next(1, 4)),
            2 => new PercentOffTerms(random.Next(5) == 0 ? 12.5m : random.Next(1, 10) * 5m, tiny ? Cents(random, 1, 50) : random.Next(1, 20) * 10m),
            _ => new NoThresholdTerms(amount),
        };
    }

    private static Coupon RandomCoupon(Random random, string id, CouponTerms terms, string group, Product[] products)
    {
        var (from, until) = random.Next(4) == 0 ? RandomWindow(random) : (Now.AddDays(-1), Now.AddDays(1));
        var product = products[random.Next(products.Length)];
        if (random.Next(2) == 0)
        {
            return random.Next(3) switch
            {
                0 => new Coupon(id, "店铺券", "Store", CouponIssuer.Store, CouponScope.Store, terms, from, until, group, product.StoreId),
                1 => new Coupon(id, "店铺券", "Store", CouponIssuer.Store, CouponScope.Category, terms, from, until, group, product.StoreId,
                    Category: product.Category),
                _ => new Coupon(id, "店铺券", "Store", CouponIssuer.Store, CouponScope.Skus, terms, from, until, group, product.StoreId,
                    Skus: [product.Sku, products[random.Next(products.Length)].Sku]),
            };
        }

        return random.Next(4) switch
        {
            0 => new Coupon(id, "平台券", "Platform", CouponIssuer.Platform, CouponScope.PlatformWide, terms, from, until, group),
            1 => new Coupon(id, "平台券", "Platform", CouponIssuer.Platform, CouponScope.Store, terms, from, until, group, product.StoreId),
            2 => new Coupon(id, "平台券", "Platform", CouponIssuer.Platform, CouponScope.Category, terms, from, until, group,
                Category: Categories[random.Next(Categories.Length)]),
            _ => new Coupon(id, "平台券", "Platform", CouponIssuer.Platform, CouponScope.Skus, terms, from, until, group, Skus: [product.Sku]),
        };
    }

    // Windows that start or end exactly now as often as they plainly hold or not.
    private static (DateTimeOffset From, DateTimeOffset Until) RandomWindow(Random random) => random.Next(5) switch
    {
        0 => (Now, Now.AddDays(1)),
        1 => (Now.AddDays(-1), Now),
        2 => (Now.AddTicks(1), Now.AddDays(1)),
        3 => (Now.AddDays(-10), Now.AddDays(-5)),
        _ => (Now.AddDays(-1), Now.AddTicks(1)),
    };

    private static decimal Cents(Random random, int min, int max) => random.Next(min, max + 1) / 100m;

    private static decimal UnitPriceNow(Product product) =>
        product.ActivityPrice is { } activity && activity.IsActiveAt(Now) ? activity.Price : product.ListPrice;

    private static string Describe(CartLine[] cart, Coupon[] coupons) =>
        string.Join("; ", cart.Select(line => $"{line.Product.Sku}/{line.Product.StoreId}/{line.Product.Category} " +
            $"{UnitPriceNow(line.Product)}×{line.Quantity}")) + " | " +
        string.Join("; ", coupons.Select(c => $"{c.Id} {c.Issuer} {c.Scope} {c.StoreId}{c.Category}{string.Join(",", c.Skus ?? [])} " +
            $"{c.Terms} [{c.StackGroup}] {(c.IsValidAt(Now) ? "valid" : "invalid")}"));
}
