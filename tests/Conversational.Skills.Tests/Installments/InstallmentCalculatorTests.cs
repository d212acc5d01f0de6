using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class InstallmentCalculatorTests
{
    [Fact]
    public void Plan_TwelveThousandOverTwelveAtPointSixPercent_CostsEightHundredSixtyFour_At13Point03PercentAnnualized()
    {
        var plan = InstallmentCalculator.Plan(12_000m, 12, 0.0060m);

        Assert.Equal(1_000m, plan.PrincipalPerPeriod);
        Assert.Equal(1_000m, plan.FirstPrincipal);
        Assert.Equal(72m, plan.FeePerPeriod);
        Assert.Equal(864m, plan.TotalFee);
        Assert.Equal(12_864m, plan.TotalRepayment);
        Assert.Equal(1_072m, plan.FirstPayment);
        Assert.Equal(1_072m, plan.RegularPayment);
        Assert.Equal(0.1303m, plan.AnnualizedRate);
        Assert.Equal(12, plan.Schedule.Count);
        Assert.Equal(new InstallmentScheduleRow(1, 1_000m, 72m, 1_072m, 11_000m), plan.Schedule[0]);
        Assert.Equal(new InstallmentScheduleRow(12, 1_000m, 72m, 1_072m, 0m), plan.Schedule[11]);
    }

    [Fact]
    public void Plan_ThreeThousandOverThreeAtPointSevenFivePercent_MatchesTheHandWorkedExample()
    {
        // 1,022.50 a month; r = 1.1208 %: 1,022.50 × (1 − 1.011208^−3) / 0.011208 = 2.934 × 1,022.50 ≈ 3,000.
        var plan = InstallmentCalculator.Plan(3_000m, 3, 0.0075m);

        Assert.Equal(22.50m, plan.FeePerPeriod);
        Assert.Equal(67.50m, plan.TotalFee);
        Assert.Equal(3_067.50m, plan.TotalRepayment);
        Assert.Equal(1_022.50m, plan.RegularPayment);
        Assert.Equal(0.1345m, plan.AnnualizedRate);
    }

    [Fact]
    public void Plan_TwentyFourThousandOverTwentyFourAtPointSixPercent_MatchesTheHandWorkedExample()
    {
        // 1,144.00 a month; r = 1.1055 %: 1,144 × (1 − 1.011055^−24) / 0.011055 = 20.979 × 1,144 ≈ 24,000.
        var plan = InstallmentCalculator.Plan(24_000m, 24, 0.0060m);

        Assert.Equal(144m, plan.FeePerPeriod);
        Assert.Equal(3_456m, plan.TotalFee);
        Assert.Equal(1_144m, plan.RegularPayment);
        Assert.Equal(0.1327m, plan.AnnualizedRate);
    }

    [Fact]
    public void Plan_AmountNotDivisibleByPeriods_PutsTheLeftoverCentsInTheFirstPeriod()
    {
        var plan = InstallmentCalculator.Plan(10_000m, 6, 0.0070m);

        Assert.Equal(1_666.70m, plan.FirstPrincipal);
        Assert.Equal(1_666.66m, plan.PrincipalPerPeriod);
        Assert.Equal([1_666.70m, 1_666.66m, 1_666.66m, 1_666.66m, 1_666.66m, 1_666.66m], plan.Schedule.Select(r => r.Principal));
        Assert.Equal(10_000m, plan.Schedule.Sum(r => r.Principal));
        Assert.Equal(1_736.70m, plan.FirstPayment);
        Assert.Equal(1_736.66m, plan.RegularPayment);
        Assert.Equal(8_333.30m, plan.Schedule[0].RemainingPrincipal);
        Assert.Equal(0.1426m, plan.AnnualizedRate);
    }

    [Fact]
    public void Plan_FeeOnAHalfCent_RoundsAwayFromZero()
    {
        // 1,000.10 × 0.0075 = 7.50075 → 7.50; 500.60 × 0.0075 = 3.7545 → 3.75; 502.00 × 0.0075 = 3.765 → 3.77 (not banker's 3.76).
        Assert.Equal(7.50m, InstallmentCalculator.Plan(1_000.10m, 3, 0.0075m).FeePerPeriod);
        Assert.Equal(3.75m, InstallmentCalculator.Plan(500.60m, 3, 0.0075m).FeePerPeriod);
        Assert.Equal(3.77m, InstallmentCalculator.Plan(502m, 3, 0.0075m).FeePerPeriod);
    }

    [Fact]
    public void Plan_ZeroFee_HasAZeroAnnualizedRate()
    {
        var plan = InstallmentCalculator.Plan(6_000m, 6, 0m);

        Assert.Equal(0m, plan.TotalFee);
        Assert.Equal(6_000m, plan.TotalRepayment);
        Assert.Equal(0m, plan.AnnualizedRate);
    }

    [Fact]
    public void Plan_HugeRate_StillFindsTheRate()
    {
        // 90 % a period on one period: pay 1.9 × the amount a month later, an IRR of exactly 90 %.
        var plan = InstallmentCalculator.Plan(1_000m, 1, 0.9m);

        Assert.Equal(1_900m, plan.TotalRepayment);
        Assert.Equal(10.8m, plan.AnnualizedRate);
    }

    [Fact]
    public void Plans_GivesOnePlanPerOffer_ShortestFirst()
    {
        var plans = InstallmentCalculator.Plans(12_000m, InstallmentProductTable.Default);

        Assert.Equal([3, 6, 12, 24], plans.Select(p => p.Periods));
        Assert.Equal([270m, 504m, 864m, 1_728m], plans.Select(p => p.TotalFee));
    }

    [Theory]
    [InlineData(0, 12, 0.006)]
    [InlineData(-1, 12, 0.006)]
    [InlineData(1_000, 0, 0.006)]
    [InlineData(1_000, 12, -0.001)]
    [InlineData(1_000, 12, 1)]
    public void Plan_OutOfRangeInput_Throws(decimal amount, int periods, decimal rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InstallmentCalculator.Plan(amount, periods, rate));
    }

    [Fact]
    public void Plan_FractionOfACent_Throws()
    {
        Assert.Throws<ArgumentException>("amount", () => InstallmentCalculator.Plan(1_000.001m, 12, 0.006m));
    }
}
