using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class EarlyPayoffTests
{
    private static readonly InstallmentPlan TwelveThousandOverTwelve = InstallmentCalculator.Plan(12_000m, 12, 0.0060m);

    [Fact]
    public void Fee_BeforeAnyPayment_IsThreePercentOfTheWholeAmount()
    {
        Assert.Equal(12_000m, EarlyPayoff.RemainingPrincipal(TwelveThousandOverTwelve, 0));
        Assert.Equal(360m, EarlyPayoff.Fee(TwelveThousandOverTwelve, 0));
    }

    [Fact]
    public void Fee_AfterFourPeriods_IsThreePercentOfTheRemainingPrincipal()
    {
        Assert.Equal(8_000m, EarlyPayoff.RemainingPrincipal(TwelveThousandOverTwelve, 4));
        Assert.Equal(240m, EarlyPayoff.Fee(TwelveThousandOverTwelve, 4));
    }

    [Fact]
    public void Fee_OnAHalfCent_RoundsAwayFromZero()
    {
        // ¥10,000 over 6: 8,333.30 remains after period 1, × 2.5 % = 208.3325 → 208.33; after 5 periods 1,666.66 × 3 % = 49.9998 → 50.00.
        var plan = InstallmentCalculator.Plan(10_000m, 6, 0.0070m);
        // ¥999 over 2: 499.50 remains after period 1, × 3 % = 14.985 → 14.99 (banker's rounding would give 14.98).
        var halfCent = InstallmentCalculator.Plan(999m, 2, 0m);

        Assert.Equal(208.33m, EarlyPayoff.Fee(plan, 1, 0.025m));
        Assert.Equal(50.00m, EarlyPayoff.Fee(plan, 5));
        Assert.Equal(14.99m, EarlyPayoff.Fee(halfCent, 1));
    }

    [Fact]
    public void Fee_WithTheTablesRate_UsesThatRate()
    {
        var table = new InstallmentProductTable
        {
            Offers = [new(12, 0.006m)],
            MinimumAmount = 500m,
            MaximumAmount = 50_000m,
            EarlyPayoffFeeRate = 0.02m,
        };

        Assert.Equal(160m, EarlyPayoff.Fee(TwelveThousandOverTwelve, 4, table.EarlyPayoffFeeRate));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    public void Fee_PeriodsPaidOutsideThePlan_Throws(int periodsPaid)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EarlyPayoff.Fee(TwelveThousandOverTwelve, periodsPaid));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1)]
    public void Fee_RateOutOfRange_Throws(decimal rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>("rate", () => EarlyPayoff.Fee(TwelveThousandOverTwelve, 0, rate));
    }
}
