using Conversational.Skills.Pricing;
using static Conversational.Skills.Tests.Pricing.Shop;

namespace Conversational.Skills.Tests.Pricing;

public sealed class PricingInputTests
{
    [Fact]
    public void Empty_cart_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => PriceCalculator.Quote([], [], Now));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CartLine.MaxQuantity + 1)]
    public void Quantity_outside_1_to_9999_is_rejected(int quantity)
    {
        var error = Assert.Throws<ArgumentException>(() => PriceCalculator.Quote([new CartLine(Shoe("SH-1", 100m), quantity)], [], Now));

        Assert.Equal("Quantity", error.ParamName);
    }

    [Fact]
    public void Size_the_product_does_not_come_in_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new CartLine(Shoe("SH-1", 100m), 1, "XXXL"));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.001")]
    [InlineData("10000000.01")]
    public void List_price_must_be_whole_cents_from_one_cent(string price)
    {
        var error = Assert.Throws<ArgumentException>(() => Shoe("SH-1", decimal.Parse(price)));

        Assert.Equal("ListPrice", error.ParamName);
    }

    [Fact]
    public void Activity_price_above_the_list_price_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Shoe("SH-1", 100m, activity: new ActivityPrice(120m, "特价", "Deal", LastWeek, NextMonth)));

    [Fact]
    public void Activity_that_ends_before_it_starts_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new ActivityPrice(80m, "特价", "Deal", NextMonth, LastWeek));

    public static TheoryData<Func<CouponTerms>, string> BadTerms => new()
    {
        { () => new ThresholdTerms(-300m, 50m), "Threshold" },
        { () => new ThresholdTerms(300m, -50m), "Amount" },
        { () => new ThresholdTerms(300m, 0m), "Amount" },
        { () => new SteppedTerms(0m, 30m), "Step" },
        { () => new SteppedTerms(300m, 30m, Cap: -1m), "Cap" },
        { () => new SteppedTerms(300m, 30m, Cap: 20m), "Cap" },
        { () => new PercentOffTerms(0m, 50m), "PercentOff" },
        { () => new PercentOffTerms(100m, 50m), "PercentOff" },
        { () => new PercentOffTerms(10.125m, 50m), "PercentOff" },
        { () => new PercentOffTerms(10m, -5m), "MaxDiscount" },
        { () => new NoThresholdTerms(0.005m), "Amount" },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public void Coupon_terms_with_impossible_amounts_are_rejected(Func<CouponTerms> terms, string field)
    {
        var error = Assert.Throws<ArgumentException>(terms);

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Store_coupon_cannot_be_platform_wide() =>
        Assert.Throws<ArgumentException>(() => StoreCoupon("X", new NoThresholdTerms(5m), scope: CouponScope.PlatformWide));

    [Fact]
    public void Category_scope_needs_a_category() =>
        Assert.Throws<ArgumentException>(() => PlatformCoupon("X", new NoThresholdTerms(5m), scope: CouponScope.Category));

    [Fact]
    public void Sku_scope_needs_skus() =>
        Assert.Throws<ArgumentException>(() => PlatformCoupon("X", new NoThresholdTerms(5m), scope: CouponScope.Skus, skus: []));

    [Fact]
    public void Platform_wide_scope_cannot_name_a_category() =>
        Assert.Throws<ArgumentException>(() => PlatformCoupon("X", new NoThresholdTerms(5m), category: "t-shirts"));

    [Fact]
    public void Coupon_window_must_end_after_it_starts() =>
        Assert.Throws<ArgumentException>(() => StoreCoupon("X", new NoThresholdTerms(5m), from: Now, until: Now));

    [Fact]
    public void Duplicate_coupon_ids_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Quote([Line(Shoe("SH-1", 100m))],
            StoreCoupon("SAME", new NoThresholdTerms(5m)), PlatformCoupon("SAME", new NoThresholdTerms(5m))));

        Assert.Contains("SAME", error.Message, StringComparison.Ordinal);
    }
}
