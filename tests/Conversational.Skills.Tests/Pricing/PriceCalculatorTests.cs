using Conversational.Skills.Pricing;
using static Conversational.Skills.Tests.Pricing.Shop;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>Worked examples of the rules in skills/Conversational.Skills/Pricing/README.md (DESIGN §7, the 到手价 seed).</summary>
public sealed class PriceCalculatorTests
{
    [Fact]
    public void Threshold_exactly_met_applies_the_coupon()
    {
        var quote = Quote([Line(Shoe("SH-1", 300m))], StoreCoupon("RUN-300-50", new ThresholdTerms(300m, 50m)));

        Assert.Equal(250.00m, quote.FinalTotal);
        Assert.Equal(["RUN-300-50"], quote.UsedIds());
        var step = Assert.Single(quote.Steps);
        Assert.Equal(new PriceStep(OfferKind.Coupon, "RUN-300-50", "店铺券 RUN-300-50", "Store coupon RUN-300-50", 300m, 50m), step);
        Assert.Null(quote.NextThreshold);
    }

    [Fact]
    public void Threshold_one_cent_short_is_not_used_and_the_shortfall_is_reported()
    {
        var quote = Quote([Line(Shoe("SH-1", 299.99m))], StoreCoupon("RUN-300-50", new ThresholdTerms(300m, 50m)));

        Assert.Equal(299.99m, quote.FinalTotal);
        Assert.Empty(quote.CouponsUsed);
        var dropped = quote.DroppedCoupon("RUN-300-50");
        Assert.Equal(DropReason.ThresholdNotMet, dropped.Reason);
        Assert.Equal(299.99m, dropped.EligibleSubtotal);
        Assert.Equal(0.01m, dropped.Shortfall);
        Assert.Equal(new NextThresholdHint("RUN-300-50", "店铺券 RUN-300-50", "Store coupon RUN-300-50", 0.01m, 50m), quote.NextThreshold);
    }

    [Theory]
    [InlineData("650", "60")]    // 2 whole steps of ¥300
    [InlineData("899.99", "60")] // still 2
    [InlineData("900", "90")]    // 3 steps, exactly the cap
    [InlineData("1250", "90")]   // 4 steps would be ¥120: capped at ¥90
    [InlineData("299.99", "0")]  // below the first step
    public void Stepped_coupon_takes_off_each_whole_step_up_to_its_cap(string subtotal, string saving)
    {
        var quote = Quote([Line(Shoe("SH-1", decimal.Parse(subtotal)))], StoreCoupon("EVERY-300-30", new SteppedTerms(300m, 30m, Cap: 90m)));

        Assert.Equal(decimal.Parse(saving), quote.CouponSaving);
    }

    [Fact]
    public void Stepped_coupon_hints_at_the_next_step_until_its_cap()
    {
        var coupon = StoreCoupon("EVERY-300-30", new SteppedTerms(300m, 30m, Cap: 90m));

        var below = Quote([Line(Shoe("SH-1", 650m))], coupon);
        var capped = Quote([Line(Shoe("SH-1", 900m))], coupon);

        Assert.Equal(250m, below.NextThreshold?.ExtraSpend);
        Assert.Equal(30m, below.NextThreshold?.ExtraSaving);
        Assert.Null(capped.NextThreshold);
    }

    [Theory]
    [InlineData("123.45", "12.34")] // 12.345 rounds toward zero
    [InlineData("99.99", "9.99")]   // 9.999 too
    [InlineData("899", "50")]       // 89.90 capped at ¥50
    public void Percent_off_rounds_toward_zero_to_the_cent_and_stops_at_its_cap(string subtotal, string saving)
    {
        var quote = Quote([Line(Shoe("SH-1", decimal.Parse(subtotal)))], StoreCoupon("RUN-90", new PercentOffTerms(10m, 50m)));

        Assert.Equal(decimal.Parse(saving), quote.CouponSaving);
        Assert.Equal(decimal.Parse(subtotal) - decimal.Parse(saving), quote.FinalTotal);
    }

    [Fact]
    public void No_threshold_coupon_applies_to_any_subtotal()
    {
        var quote = Quote([Line(Tee("AP-1", 99m))], StoreCoupon("URB-15", new NoThresholdTerms(15m), store: "store-urban"));

        Assert.Equal(84m, quote.FinalTotal);
        Assert.Null(quote.NextThreshold);
    }

    [Fact]
    public void Platform_threshold_is_tested_after_store_coupons_so_it_can_fall_short()
    {
        // ¥420 − 满300减50 = ¥370, below the platform's ¥399: only one of them can count, and ¥50 beats ¥40.
        var quote = Quote([Line(Shoe("SH-1", 420m))],
            PlatformCoupon("PLAT-399-40", new ThresholdTerms(399m, 40m)),
            StoreCoupon("RUN-300-50", new ThresholdTerms(300m, 50m)));

        Assert.Equal(["RUN-300-50"], quote.UsedIds());
        Assert.Equal(370m, quote.FinalTotal);
        var platform = quote.DroppedCoupon("PLAT-399-40");
        Assert.Equal(DropReason.ThresholdNotMet, platform.Reason);
        Assert.Equal(370m, platform.EligibleSubtotal);
        Assert.Equal(29m, platform.Shortfall);
        // 再买¥29可再减¥40: the extra ¥29 is not under the store coupon, so the platform's subtotal becomes ¥399.
        Assert.Equal(new NextThresholdHint("PLAT-399-40", "平台券 PLAT-399-40", "Platform coupon PLAT-399-40", 29m, 40m),
            quote.NextThreshold);
    }

    [Fact]
    public void Store_then_platform_both_apply_when_the_platform_threshold_is_still_met()
    {
        var quote = Quote([Line(Shoe("SH-1", 420m))],
            PlatformCoupon("PLAT-350-40", new ThresholdTerms(350m, 40m)),
            StoreCoupon("RUN-300-50", new ThresholdTerms(300m, 50m)));

        Assert.Equal(["RUN-300-50", "PLAT-350-40"], quote.UsedIds());
        Assert.Equal(330m, quote.FinalTotal);
        Assert.Equal([420m, 370m], quote.Steps.Select(step => step.EligibleSubtotal));
    }

    [Fact]
    public void Best_combination_leaves_out_a_store_coupon_that_would_break_a_bigger_platform_threshold()
    {
        var quote = Quote([Line(Shoe("SH-1", 405m))],
            StoreCoupon("RUN-10", new NoThresholdTerms(10m)),
            PlatformCoupon("PLAT-400-60", new ThresholdTerms(400m, 60m)));

        Assert.Equal(["PLAT-400-60"], quote.UsedIds());
        Assert.Equal(345m, quote.FinalTotal);
        var store = quote.DroppedCoupon("RUN-10");
        Assert.Equal(DropReason.NotInBestCombination, store.Reason);
        Assert.Equal(405m, store.EligibleSubtotal);
    }

    [Fact]
    public void Active_activity_price_comes_first_and_is_a_step()
    {
        var winter = new ActivityPrice(559m, "冬季特惠", "Winter deal", Now.AddDays(-3), new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing));
        var quote = Quote([Line(Shoe("SH-2", 699m, activity: winter))], StoreCoupon("RUN-600-120", new ThresholdTerms(600m, 120m)));

        // ¥559 is tested against 满600, not the list price ¥699.
        Assert.Equal(699m, quote.ListTotal);
        Assert.Equal(559m, quote.SubtotalAfterActivity);
        Assert.Equal(559m, quote.FinalTotal);
        Assert.Equal(140m, quote.TotalSaving);
        Assert.Equal(new PriceStep(OfferKind.Activity, "SH-2", "冬季特惠", "Winter deal", 699m, 140m), Assert.Single(quote.Steps));
        Assert.Equal(DropReason.ThresholdNotMet, quote.DroppedCoupon("RUN-600-120").Reason);
    }

    [Fact]
    public void Ended_activity_is_dropped_with_its_end_and_the_list_price_applies()
    {
        var double11End = new DateTimeOffset(2026, 11, 12, 0, 0, 0, Beijing); // through 11月11日
        var double11 = new ActivityPrice(699m, "双十一特价", "Double 11 price", new DateTimeOffset(2026, 11, 1, 0, 0, 0, Beijing), double11End);

        var quote = Quote([Line(Shoe("SH-1", 899m, activity: double11), 2)]);

        Assert.Equal(1798m, quote.FinalTotal);
        Assert.Empty(quote.Steps);
        Assert.Equal(new DroppedOffer(OfferKind.Activity, "SH-1", "双十一特价", "Double 11 price", DropReason.Expired, double11End),
            Assert.Single(quote.Dropped));
    }

    [Fact]
    public void Activity_window_includes_its_start_and_excludes_its_end()
    {
        var product = Shoe("SH-1", 100m, activity: new ActivityPrice(80m, "特价", "Deal", Now, Now.AddDays(1)));

        Assert.Equal(80m, PriceCalculator.Quote([Line(product)], [], Now).FinalTotal);
        Assert.Equal(100m, PriceCalculator.Quote([Line(product)], [], Now.AddTicks(-1)).FinalTotal);
        Assert.Equal(100m, PriceCalculator.Quote([Line(product)], [], Now.AddDays(1)).FinalTotal);
        var notYet = Assert.Single(PriceCalculator.Quote([Line(product)], [], Now.AddTicks(-1)).Dropped);
        Assert.Equal((DropReason.NotStarted, Now), (notYet.Reason, notYet.Date));
    }

    [Fact]
    public void Coupons_outside_their_window_drop_out_with_the_date()
    {
        var endedNow = StoreCoupon("ENDED", new NoThresholdTerms(10m), from: Now.AddDays(-20), until: Now);
        var tomorrow = StoreCoupon("TOMORROW", new NoThresholdTerms(10m), from: Now.AddDays(1));
        var fromNow = StoreCoupon("FROM-NOW", new NoThresholdTerms(5m), from: Now);

        var quote = Quote([Line(Shoe("SH-1", 100m))], endedNow, tomorrow, fromNow);

        Assert.Equal(["FROM-NOW"], quote.UsedIds());
        Assert.Equal((DropReason.Expired, (DateTimeOffset?)Now), (quote.DroppedCoupon("ENDED").Reason, quote.DroppedCoupon("ENDED").Date));
        Assert.Equal((DropReason.NotStarted, (DateTimeOffset?)Now.AddDays(1)),
            (quote.DroppedCoupon("TOMORROW").Reason, quote.DroppedCoupon("TOMORROW").Date));
    }

    [Fact]
    public void Coupon_with_no_eligible_item_is_not_applicable()
    {
        var quote = Quote([Line(Shoe("SH-1", 100m))], StoreCoupon("URB-15", new NoThresholdTerms(15m), store: "store-urban"));

        Assert.Equal(DropReason.NotApplicable, quote.DroppedCoupon("URB-15").Reason);
    }

    [Fact]
    public void One_coupon_per_stack_group_keeps_the_one_that_saves_more()
    {
        var quote = Quote([Line(Shoe("SH-1", 650m))],
            StoreCoupon("RUN-300-50", new ThresholdTerms(300m, 50m), group: "store-run-full-reduction"),
            StoreCoupon("RUN-600-120", new ThresholdTerms(600m, 120m), group: "store-run-full-reduction"));

        Assert.Equal(["RUN-600-120"], quote.UsedIds());
        Assert.Equal(530m, quote.FinalTotal);
        var outranked = quote.DroppedCoupon("RUN-300-50");
        Assert.Equal((DropReason.OutrankedInStackGroup, "RUN-600-120"), (outranked.Reason, outranked.OutrankedBy));
    }

    [Fact]
    public void Equal_savings_in_a_stack_group_go_to_the_smaller_id()
    {
        var quote = Quote([Line(Shoe("SH-1", 300m))],
            StoreCoupon("B-300-50", new ThresholdTerms(300m, 50m), group: "g"),
            StoreCoupon("A-300-50", new ThresholdTerms(300m, 50m), group: "g"));

        Assert.Equal(["A-300-50"], quote.UsedIds());
    }

    [Fact]
    public void Equal_savings_go_to_fewer_coupons_before_smaller_ids()
    {
        // ¥0.51 leaves ¥0.50 above the floor: either the one ¥0.50 coupon or both ¥0.25 ones.
        var quote = Quote([Line(Shoe("SH-1", 0.51m))],
            StoreCoupon("A-QUARTER", new NoThresholdTerms(0.25m)),
            StoreCoupon("B-QUARTER", new NoThresholdTerms(0.25m)),
            StoreCoupon("Z-HALF", new NoThresholdTerms(0.50m)));

        Assert.Equal(["Z-HALF"], quote.UsedIds());
        Assert.Equal(0.01m, quote.FinalTotal);
    }

    [Fact]
    public void Item_never_goes_below_one_cent_per_unit()
    {
        var quote = Quote([Line(Shoe("SH-1", 5m), 2)],
            StoreCoupon("RUN-20", new NoThresholdTerms(20m)),
            PlatformCoupon("PLAT-5", new NoThresholdTerms(5m)));

        Assert.Equal(["RUN-20"], quote.UsedIds());
        Assert.Equal(9.98m, quote.CouponSaving);
        Assert.Equal(0.02m, Assert.Single(quote.Lines).FinalAmount);
        Assert.Equal(DropReason.NotInBestCombination, quote.DroppedCoupon("PLAT-5").Reason);
    }

    [Fact]
    public void Discount_is_allocated_by_largest_remainder_and_sums_exactly()
    {
        var quote = Quote([Line(Shoe("SH-1", 100m)), Line(Shoe("SH-2", 100m)), Line(Shoe("SH-3", 100m))],
            StoreCoupon("RUN-100", new NoThresholdTerms(100m)));

        Assert.Equal([33.34m, 33.33m, 33.33m], quote.Lines.Select(line => line.CouponDiscount));
        Assert.Equal([66.66m, 66.67m, 66.67m], quote.Lines.Select(line => line.FinalAmount));
        Assert.Equal(quote.CouponSaving, quote.Lines.Sum(line => line.CouponDiscount));
    }

    [Fact]
    public void Discount_goes_only_to_eligible_lines_in_proportion()
    {
        var quote = Quote([Line(Shoe("SH-1", 50m)), Line(Tee("AP-1", 99m)), Line(Shoe("SH-2", 150m))],
            StoreCoupon("RUN-100-30", new ThresholdTerms(100m, 30m)));

        // Weights ¥49.99 and ¥149.99 (above the floor): 749.92 and 2250.07 cents, the spare cent to the larger remainder.
        Assert.Equal([7.50m, 0m, 22.50m], quote.Lines.Select(line => line.CouponDiscount));
        Assert.Equal(269m, quote.FinalTotal);
    }

    [Fact]
    public void Next_threshold_hint_says_how_much_more_to_spend()
    {
        var quote = Quote([Line(Shoe("SH-1", 277m))], StoreCoupon("RUN-300-30", new ThresholdTerms(300m, 30m)));

        // 再买¥23可再减¥30
        Assert.Equal(new NextThresholdHint("RUN-300-30", "店铺券 RUN-300-30", "Store coupon RUN-300-30", 23m, 30m), quote.NextThreshold);
    }

    [Fact]
    public void Next_threshold_hint_takes_the_smallest_extra_spend()
    {
        var quote = Quote([Line(Shoe("SH-1", 277m))],
            StoreCoupon("RUN-500-80", new ThresholdTerms(500m, 80m), group: "full"),
            StoreCoupon("RUN-300-30", new ThresholdTerms(300m, 30m), group: "full"),
            PlatformCoupon("PLAT-290-10", new ThresholdTerms(290m, 10m)));

        Assert.Equal(("PLAT-290-10", 13m, 10m), (quote.NextThreshold?.CouponId, quote.NextThreshold?.ExtraSpend, quote.NextThreshold?.ExtraSaving));
    }

    [Fact]
    public void Quote_totals_add_up()
    {
        var double11 = new ActivityPrice(80m, "特价", "Deal", Now.AddDays(-1), Now.AddDays(1));
        var quote = Quote([Line(Shoe("SH-1", 100m, activity: double11), 3), Line(Tee("AP-1", 59.9m))],
            StoreCoupon("RUN-200-20", new ThresholdTerms(200m, 20m)),
            PlatformCoupon("PLAT-90", new PercentOffTerms(10m, 100m)));

        Assert.Equal(359.90m, quote.ListTotal);
        Assert.Equal(299.90m, quote.SubtotalAfterActivity);
        Assert.Equal(quote.ListTotal - quote.FinalTotal, quote.TotalSaving);
        Assert.Equal(quote.Steps.Sum(step => step.Saving), quote.TotalSaving);
        Assert.Equal(quote.FinalTotal, quote.Lines.Sum(line => line.FinalAmount));
        // 满200减20 on ¥240 → ¥220; then 10% of ¥279.90 = ¥27.99.
        Assert.Equal(251.91m, quote.FinalTotal);
    }
}
