using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class InstallmentCalculatorPropertyTests
{
    private static readonly int[] PeriodChoices = [3, 6, 12, 24];

    [Fact]
    public void Plan_ThreeThousandRandomPlans_AgreeWithTheOracle_MoneyExactlyAndTheRateWithinABasisPoint()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 3_000; i++)
        {
            var amountCents = random.NextInt64(50_000, 5_000_001);
            var periods = PeriodChoices[random.Next(PeriodChoices.Length)];
            var rate = random.Next(200, 1_501) / 100_000m;
            var amount = amountCents / 100m;
            var context = $"case {i}: ¥{amount} over {periods} at {rate}";

            var plan = InstallmentCalculator.Plan(amount, periods, rate);
            var rows = InstallmentOracle.Schedule(amountCents, periods, rate);

            Assert.True(rows.Sum(r => r.PrincipalCents) == amountCents, context);
            Assert.True(plan.Schedule.Sum(r => r.Principal) == amount, context);
            Assert.True(plan.Schedule.Count == periods, context);
            for (var k = 0; k < periods; k++)
            {
                var (row, expected) = (plan.Schedule[k], rows[k]);
                Assert.True(row.Period == k + 1, context);
                Assert.True(row.Principal == expected.PrincipalCents / 100m, $"{context}, period {k + 1} principal");
                Assert.True(row.Fee == expected.FeeCents / 100m, $"{context}, period {k + 1} fee");
                Assert.True(row.Payment == (expected.PrincipalCents + expected.FeeCents) / 100m, $"{context}, period {k + 1} payment");
                Assert.True(row.RemainingPrincipal == expected.RemainingCents / 100m, $"{context}, period {k + 1} remaining");
            }

            var totalFeeCents = rows.Sum(r => r.FeeCents);
            Assert.True(plan.TotalFee == totalFeeCents / 100m, context);
            Assert.True(plan.TotalRepayment == (amountCents + totalFeeCents) / 100m, context);
            Assert.True(plan.FirstPrincipal == rows[0].PrincipalCents / 100m, context);
            Assert.True(plan.PrincipalPerPeriod == rows[^1].PrincipalCents / 100m, context);

            var annualized = InstallmentOracle.MonthlyIrr(amountCents, rows.Select(r => r.PrincipalCents + r.FeeCents)) * 12;
            Assert.True(Math.Abs((double)plan.AnnualizedRate - annualized) <= 0.0001,
                $"{context}: calculator {plan.AnnualizedRate}, oracle {annualized}");
        }
    }

    [Theory]
    [InlineData(12)]
    [InlineData(24)]
    public void Plan_LevelPaymentsAtTheUsualRate_HaveAMonthlyIrrAbout1Point8To1Point9TimesTheFeeRate(int periods)
    {
        var plan = InstallmentCalculator.Plan(periods * 1_000m, periods, 0.0060m);

        var ratio = plan.AnnualizedRate / 12 / plan.FeeRatePerPeriod;

        Assert.InRange(ratio, 1.8m, 1.9m);
    }

    [Fact]
    public void Oracle_LevelPayments_IrrLiesAboveTheFeeRateAndBelowTheSimpleInterestBound()
    {
        // The fee is paid on the whole amount while on average only (n + 1) / 2n of it is owed, so the monthly IRR is above the
        // fee rate and, because of compounding, below 2n / (n + 1) times it: ×1.5 for 3 periods, ×1.85 for 12, ×1.92 for 24.
        var random = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var periods = PeriodChoices[random.Next(PeriodChoices.Length)];
            var amountCents = random.NextInt64(50, 5_001) * 100 * periods;
            var rate = random.Next(200, 1_501) / 100_000m;
            var rows = InstallmentOracle.Schedule(amountCents, periods, rate);
            var effectiveRate = (double)rows[0].FeeCents / amountCents;

            var irr = InstallmentOracle.MonthlyIrr(amountCents, rows.Select(r => r.PrincipalCents + r.FeeCents));

            Assert.InRange(irr, effectiveRate, effectiveRate * 2 * periods / (periods + 1));
        }
    }
}
