using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class InternalRateOfReturnTests
{
    [Theory]
    [InlineData(1_100, 0.1)]
    [InlineData(1_000, 0.0)]
    [InlineData(900, -0.1)]
    [InlineData(1_000_000, 999.0)]
    public void Solve_OnePayment_IsThatPaymentsReturn(decimal payment, double expected)
    {
        Assert.Equal(expected, InternalRateOfReturn.Solve(1_000m, [payment]), 12);
    }

    [Fact]
    public void Solve_TextbookAnnuity_FindsItsRate()
    {
        // 1,000 repaid by 12 payments of 88.85 is an annuity at 1.0002 % a month (88.8488 would be exactly 1 %).
        var rate = InternalRateOfReturn.Solve(1_000m, [.. Enumerable.Repeat(88.85m, 12)]);

        Assert.Equal(0.010002, rate, 6);
    }

    [Fact]
    public void Solve_UnevenPayments_ZeroesTheNetPresentValue()
    {
        decimal[] payments = [10m, 0.01m, 500m, 0m, 700m];

        var rate = InternalRateOfReturn.Solve(1_000m, payments);

        var npv = payments.Select((p, k) => (double)p / Math.Pow(1 + rate, k + 1)).Sum() - 1_000;
        Assert.Equal(0.0, npv, 9);
    }
}
