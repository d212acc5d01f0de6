using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Matching;

/// <summary>
/// The demo disclosures tick from agents' own paraphrases, in zh-CN and en, including Traditional and full-width
/// forms, and stay unticked for unrelated or half-said text.
/// </summary>
public sealed class DisclosureChecklistTests
{
    private static readonly IReadOnlyList<DisclosureRule> Demo = DemoCopilotCatalog.Load().Disclosures;

    public static TheoryData<string, string> Paraphrases() => new()
    {
        { "installment.fixed-after-success.zh", "办理成功以后期数金额就没法再改了" },
        { "installment.fixed-after-success.zh", "跟您说明一下，分期一旦办好，期数跟金额都无法更改哦。" },
        { "installment.fixed-after-success.zh", "提醒您，这笔分期生效后期数是不能再调整的。" },
        { "installment.fixed-after-success.en", "Just so you know, after the plan is approved the number of months can't be modified." },
        { "installment.fixed-after-success.en", "Once it's confirmed, you won't be able to change the amount or the term." },
        { "installment.fixed-after-success.en", "After it goes through the periods are locked in." },
        { "installment.occupies-credit-limit.zh", "这笔分期会把您的信用额度全部占用掉。" },
        { "installment.occupies-credit-limit.zh", "分期的金额会算在额度里，可用额度相应减少。" },
        { "installment.occupies-credit-limit.en", "The full amount will take up that much of your credit limit." },
        { "installment.occupies-credit-limit.en", "Your available credit is reduced by the whole plan until you repay it." },
        { "installment.early-payoff-fee.zh", "如果想提早还完，要收剩下本金百分之三的手续费。" },
        { "installment.early-payoff-fee.zh", "您要是提前结清，会按未还本金收3%的一次性费用。" },
        { "installment.early-payoff-fee.en", "If you want to settle it early there's a 3% charge on whatever principal is left." },
        { "installment.early-payoff-fee.en", "Paying ahead of schedule means a one-off fee of three percent of the outstanding balance." },
        { "installment.annualized-rate.zh", "这个方案折成年化利率大约是13.03%。" },
        { "installment.annualized-rate.zh", "按IRR算下来，实际年化费率比名义费率高一些。" },
        { "installment.annualized-rate.en", "The annualized rate works out to about 13.03%." },
        { "installment.annualized-rate.en", "In IRR terms that is roughly 13% per year." },
        { "returns.policy-window.zh", "收到货第二天开始算，一周之内不要理由也能退，质量有问题的话半个月内都可以退换。" },
        { "returns.policy-window.zh", "七日内无理由退货，质量问题十五日内可以换货。" },
        { "returns.policy-window.en", "You have seven days after delivery to send it back for any reason, fifteen days if it's faulty." },
        { "returns.policy-window.en", "Within a week you can return it, no questions asked; a defective item has a 15-day window." },
        { "card.minimum-payment.zh", "至少要把最低应还的部分在还款日前还上，不然就算逾期，会上征信。" },
        { "card.minimum-payment.zh", "只还最低额也可以，不过剩下的部分会按天计息。" },
        { "card.minimum-payment.en", "Pay at least the minimum before the due date, otherwise it counts as late and may hurt your credit score." },
        { "card.minimum-payment.en", "If you only pay the minimum, interest is charged on the rest." },
    };

    public static TheoryData<string, string> NotSaid() => new()
    {
        { "installment.fixed-after-success.zh", "分期成功后" },
        { "installment.fixed-after-success.zh", "分期成功后期数和金额可以在App里查看。" },
        { "installment.fixed-after-success.zh", "您的分期已经办理成功了。" },
        { "installment.fixed-after-success.en", "Once the installment goes through" },
        { "installment.fixed-after-success.en", "After approval you can see the periods and amount in the app." },
        { "installment.occupies-credit-limit.zh", "您的信用额度是五万元。" },
        { "installment.occupies-credit-limit.en", "Your credit limit is 50,000 yuan." },
        { "installment.early-payoff-fee.zh", "分期可以提前还款。" },
        { "installment.early-payoff-fee.zh", "提前还款需要收取手续费。" },
        { "installment.early-payoff-fee.en", "You can pay it off early at any time." },
        { "installment.annualized-rate.zh", "每期手续费是72元。" },
        { "installment.annualized-rate.en", "The fee is 72 yuan per period." },
        { "returns.policy-window.zh", "支持七天无理由退货。" },
        { "returns.policy-window.en", "We offer 7-day returns." },
        { "card.minimum-payment.zh", "您本期的最低还款额是865元。" },
        { "card.minimum-payment.en", "Your minimum payment this month is 865 yuan." },
        { "card.minimum-payment.zh", "好的，还有什么可以帮您？" },
    };

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public void AParaphrase_TicksItsDisclosure(string disclosureId, string agentText) =>
        Assert.True(Tick(disclosureId, agentText).Ticked, $"'{agentText}' should tick {disclosureId}");

    [Theory]
    [MemberData(nameof(NotSaid))]
    public void UnrelatedOrHalfSaidText_DoesNotTick(string disclosureId, string agentText) =>
        Assert.False(Tick(disclosureId, agentText).Ticked, $"'{agentText}' should not tick {disclosureId}");

    [Theory]
    [InlineData("installment.fixed-after-success.zh", "分期辦理成功後，期數和金額都不能修改。")]
    [InlineData("installment.occupies-credit-limit.zh", "分期金額會全額佔用您的信用額度。")]
    [InlineData("installment.early-payoff-fee.zh", "提前還清要按剩餘本金的３％收手續費。")]
    [InlineData("returns.policy-window.zh", "簽收次日起７天內可無理由退貨，品質問題１５天內可以退換。")]
    [InlineData("installment.early-payoff-fee.en", "ＰＡＹＩＮＧ ＯＦＦ ＥＡＲＬＹ costs ３％ of the remaining principal.")]
    public void TraditionalAndFullWidthForms_Tick(string disclosureId, string agentText) =>
        Assert.True(Tick(disclosureId, agentText).Ticked, $"'{agentText}' should tick {disclosureId}");

    [Fact]
    public void TheStandardWordingOfEveryDisclosure_TicksItself() =>
        Assert.All(Demo, rule => Assert.True(Tick(rule.Id, rule.Wording).Ticked, rule.Id));

    [Fact]
    public void EachRule_IsTickedByTheEarliestMessageSayingIt_InSequenceOrder_AndTheRestStayOpen()
    {
        var rules = Demo.Where(rule => rule.Business == CopilotBusinesses.Installment && rule.Language == "zh-CN").ToList();
        AgentMessage[] messages =
        [
            new(9, "提前结清的话按剩余本金收3%手续费。"),
            new(4, "您好，我来帮您办理分期。"),
            new(7, "提醒您，分期办好后期数和金额不能修改。"),
            new(5, "分期成功后不可更改期数。"),
        ];

        var checklist = DisclosureChecklist.Evaluate(rules, messages);

        Assert.Equal(rules.Select(rule => rule.Id), checklist.Select(item => item.Rule.Id));
        Assert.Equal(5, checklist.Single(item => item.Rule.Id == "installment.fixed-after-success.zh").TickedBySeq);
        Assert.Equal(9, checklist.Single(item => item.Rule.Id == "installment.early-payoff-fee.zh").TickedBySeq);
        Assert.All(checklist.Where(item => item.Rule.Id is "installment.occupies-credit-limit.zh" or "installment.annualized-rate.zh"),
            item => Assert.Equal((false, (long?)null), (item.Ticked, item.TickedBySeq)));
    }

    [Fact]
    public void NoMessagesYet_LeavesEveryRuleOpen() =>
        Assert.All(DisclosureChecklist.Evaluate(Demo, []), item => Assert.False(item.Ticked));

    private static ChecklistItem Tick(string disclosureId, string agentText) =>
        DisclosureChecklist.Evaluate([Demo.Single(rule => rule.Id == disclosureId)], [new AgentMessage(1, agentText)]).Single();
}
