using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class InstallmentDisclosuresTests
{
    [Fact]
    public void Mandatory_AreTheThreeDisclosuresUnderStableIds()
    {
        var disclosures = InstallmentDisclosures.Mandatory(InstallmentProductTable.Default);

        Assert.Equal(["fixed-after-success", "occupies-credit-limit", "early-payoff-fee"], disclosures.Select(d => d.Id));
        Assert.All(disclosures, d => Assert.False(string.IsNullOrWhiteSpace(d.ZhCn)));
        Assert.All(disclosures, d => Assert.False(string.IsNullOrWhiteSpace(d.En)));
    }

    [Theory]
    [InlineData(0.03, "3%")]
    [InlineData(0.025, "2.5%")]
    [InlineData(0.0075, "0.75%")]
    public void EarlyPayoffFee_InBothLanguages_StatesTheTablesRate(decimal rate, string shown)
    {
        var table = new InstallmentProductTable
        {
            Offers = [new(12, 0.006m)],
            MinimumAmount = 500m,
            MaximumAmount = 50_000m,
            EarlyPayoffFeeRate = rate,
        };

        var disclosure = InstallmentDisclosures.Mandatory(table).Single(d => d.Id == InstallmentDisclosures.EarlyPayoffFeeId);

        Assert.Equal($"提前还清需按剩余本金的{shown}一次性收取手续费。", disclosure.Text("zh-CN"));
        Assert.Equal($"Paying off early costs a one-time fee of {shown} of the remaining principal.", disclosure.Text("en"));
    }

    [Fact]
    public void Text_PicksChineseForAnyZhTagAndEnglishOtherwise()
    {
        var disclosure = InstallmentDisclosures.Mandatory(InstallmentProductTable.Default)[0];

        Assert.Equal("分期成功后，期数和金额不能修改。", disclosure.Text("zh-CN"));
        Assert.Equal(disclosure.ZhCn, disclosure.Text("zh"));
        Assert.Equal("Once the installment goes through, its periods and amount can't be changed.", disclosure.Text("en"));
        Assert.Equal(disclosure.En, disclosure.Text("fr"));
    }

    [Fact]
    public void AnnualizedRate_StatesFeesAndTheIrrRateInBothLanguages()
    {
        var disclosure = InstallmentDisclosures.AnnualizedRate(InstallmentCalculator.Plan(12_000m, 12, 0.0060m));

        Assert.Equal(InstallmentDisclosures.AnnualizedRateId, disclosure.Id);
        Assert.Equal("分12期，每期手续费¥72.00，共¥864.00，折合年化利率（IRR）13.03%。", disclosure.ZhCn);
        Assert.Equal("12 periods at ¥72.00 a period, ¥864.00 in fees; annualized rate (IRR) 13.03%.", disclosure.En);
    }

    [Fact]
    public void AnnualizedRate_ShowsTwoDecimalsOfAPercentAndThousandsSeparators()
    {
        var disclosure = InstallmentDisclosures.AnnualizedRate(InstallmentCalculator.Plan(50_000m, 24, 0.0060m));

        Assert.Contains("¥7,200.00", disclosure.En, StringComparison.Ordinal);
        Assert.Contains("13.27%", disclosure.En, StringComparison.Ordinal);
    }
}
