using System.Globalization;
using Conversational.Knowledge.Articles;
using Conversational.Skills.Installments;
using Conversational.Skills.Returns;

namespace Conversational.Skills.Tests;

/// <summary>
/// The demo knowledge base says what the skills do: the same return windows, installment fees, range and disclosures,
/// and the same coupon stacking order. A change to a skill's defaults that the knowledge does not follow fails here.
/// </summary>
public sealed class DemoKnowledgeAgreementTests
{
    private static readonly IReadOnlyDictionary<string, KnowledgeContent> Entries = DemoKnowledge.Load().ToDictionary(entry => entry.Id);

    [Fact]
    public void InstallmentFees_AreTheProductTablesRates()
    {
        var table = InstallmentProductTable.Default;

        foreach (var offer in table.Offers)
        {
            var rate = (offer.FeeRatePerPeriod * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";
            Assert.Contains(rate, Entries["installment-periods-and-fees.zh"].Answer, StringComparison.Ordinal);
            Assert.Contains(rate, Entries["installment-periods-and-fees.en"].Answer, StringComparison.Ordinal);
            Assert.Contains(rate, Entries["installment-guide.zh"].Answer, StringComparison.Ordinal);
            Assert.Contains($"{offer.Periods}期", Entries["installment-periods-and-fees.zh"].Answer, StringComparison.Ordinal);
        }

        foreach (var id in new[] { "installment-amount-range.zh", "installment-amount-range.en", "installment-guide.zh" })
        {
            Assert.Contains(InstallmentText.Money(table.MinimumAmount)[..^3], Entries[id].Answer, StringComparison.Ordinal);
            Assert.Contains(InstallmentText.Money(table.MaximumAmount)[..^3], Entries[id].Answer, StringComparison.Ordinal);
        }

        Assert.Contains($"剩余本金的{InstallmentText.Rate(table.EarlyPayoffFeeRate)}", Entries["early-payoff-fee.zh"].Answer, StringComparison.Ordinal);
        Assert.Contains($"{InstallmentText.Rate(table.EarlyPayoffFeeRate)} of the remaining principal", Entries["early-payoff-fee.en"].Answer,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheInstallmentGuide_CarriesTheMandatoryDisclosures()
    {
        foreach (var disclosure in InstallmentDisclosures.Mandatory(InstallmentProductTable.Default))
        {
            Assert.Contains(disclosure.ZhCn.TrimEnd('。'), Entries["installment-guide.zh"].Answer, StringComparison.Ordinal);
            Assert.Contains(disclosure.En.TrimEnd('.'), Entries["installment-guide.en"].Answer, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ReturnWindowsRefundDaysAndAddress_AreThePolicys()
    {
        var policy = new ReturnPolicy();

        Assert.Contains($"{policy.NoReasonDays}天", Entries["returns-no-reason-window.zh"].Answer, StringComparison.Ordinal);
        Assert.Contains($"{policy.NoReasonDays} days", Entries["returns-no-reason-window.en"].Answer, StringComparison.Ordinal);
        Assert.Contains($"{policy.QualityDays}天", Entries["returns-quality-window.zh"].Answer, StringComparison.Ordinal);
        Assert.Contains($"{policy.WrongItemDays} days", Entries["returns-quality-window.en"].Answer, StringComparison.Ordinal);
        Assert.Contains($"{policy.RefundWorkingDays}个工作日", Entries["returns-refund-time.zh"].Answer, StringComparison.Ordinal);
        Assert.Contains($"{policy.RefundWorkingDays} working days", Entries["returns-refund-time.en"].Answer, StringComparison.Ordinal);
        Assert.Contains(ReturnPolicy.DemoReturnAddress, Entries["returns-how-to.zh"].Answer, StringComparison.Ordinal);
        foreach (var days in new[] { policy.NoReasonDays, policy.QualityDays, policy.WrongItemDays })
        {
            Assert.Contains($"| {days}天 |", Entries["returns-policy.zh"].Answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CouponStacking_IsSalePriceThenStoreThenPlatform()
    {
        var answer = Entries["coupon-stacking.zh"].Answer;

        Assert.True(answer.IndexOf("活动价", StringComparison.Ordinal) < answer.IndexOf("店铺券", StringComparison.Ordinal));
        Assert.True(answer.IndexOf("店铺券", StringComparison.Ordinal) < answer.IndexOf("平台券", StringComparison.Ordinal));
        Assert.Contains("同一叠加组", answer, StringComparison.Ordinal);
    }
}
