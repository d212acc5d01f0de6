using Conversational.Handoff.Copilot;
using Conversational.Knowledge.Understanding;

namespace Conversational.Handoff.Tests.Copilot.Matching;

/// <summary>The demo script library ranked per intent, business and language.</summary>
public sealed class ScriptRankerTests
{
    private static readonly IReadOnlyList<ReplyScript> Demo = DemoCopilotCatalog.Load().Scripts;

    public static TheoryData<string?, string, string, string> FirstByIntent() => new()
    {
        { Intents.BillInstallment, "zh-CN", "我想把这期账单分期", "script.installment.explain.zh" },
        { Intents.BillInstallment, "en", "can I split my bill into installments", "script.installment.explain.en" },
        { Intents.FaqEarlyPayoff, "zh-CN", "分期能提前还清吗", "script.installment.early-payoff.zh" },
        { Intents.FaqCreditLimit, "zh-CN", "我的额度能提吗", "script.card.credit-limit.zh" },
        { Intents.PriceAfterCoupons, "zh-CN", "这双鞋用券到手多少钱", "script.pricing.price-after-coupons.zh" },
        { Intents.FaqSizeGuide, "en", "what size should I get", "script.pricing.size.en" },
        { Intents.ReturnStatus, "zh-CN", "我的退款到哪了", "script.returns.status.zh" },
        { Intents.Complaint, "zh-CN", "我要投诉你们", "script.general.complaint-apology.zh" },
        { Intents.Greeting, "en", "hello", "script.general.greeting.en" },
    };

    [Theory]
    [MemberData(nameof(FirstByIntent))]
    public void TheScriptOfTheIntent_RanksFirst(string? intent, string language, string customerText, string expected)
    {
        var ranked = ScriptRanker.Rank(Demo, Query(intent, language, customerText));

        Assert.Equal(expected, ranked[0].Script.Id);
    }

    [Fact]
    public void ForABillInstallment_TheInstallmentScriptsComeFirst_OtherBusinessesAfter()
    {
        var ranked = ScriptRanker.Rank(Demo, Query(Intents.BillInstallment, "zh-CN", "账单能分期吗，手续费多少"), max: 5);

        Assert.Equal("script.installment.explain.zh", ranked[0].Script.Id);
        Assert.All(ranked.Take(3), script => Assert.Equal(CopilotBusinesses.Installment, script.Script.Business));
        Assert.True(ranked[0].Score > ranked[2].Score);
    }

    [Fact]
    public void WithoutAnIntent_TheBusinessAndTheCustomersWordsDecide()
    {
        var ranked = ScriptRanker.Rank(Demo, Query(null, "zh-CN", "退货地址寄到哪", CopilotBusinesses.Returns));

        Assert.Equal("script.returns.address.zh", ranked[0].Script.Id);
        Assert.All(ranked, script => Assert.Equal(CopilotBusinesses.Returns, script.Script.Business));
    }

    [Fact]
    public void EnglishScripts_AreNeverSuggestedForAChineseChat_NorTheOtherWayRound()
    {
        var zh = ScriptRanker.Rank(Demo, Query(Intents.BillInstallment, "zh-CN", "installment please, split my bill"), max: 50);
        var en = ScriptRanker.Rank(Demo, Query(Intents.BillInstallment, "en", "账单分期"), max: 50);

        Assert.All(zh, script => Assert.Equal("zh-CN", script.Script.Language));
        Assert.All(en, script => Assert.Equal("en", script.Script.Language));
        Assert.NotEmpty(zh);
        Assert.NotEmpty(en);
    }

    [Fact]
    public void KnownVariablesAreFilled_AndMissingOnesStayVisibleAndListed()
    {
        var variables = new Dictionary<string, string> { ["customer_name"] = "陈静", ["amount"] = "¥8,650.00" };

        var first = ScriptRanker.Rank(Demo, Query(Intents.BillInstallment, "zh-CN", "账单分期", variables: variables))[0];

        Assert.StartsWith("陈静，您的账单¥8,650.00可以办理分期：分{periods}期", first.Text);
        Assert.Equal(["periods", "fee_per_period", "total_fee"], first.MissingVariables);
    }

    [Fact]
    public void OnATie_TheScriptWithFewerMissingVariablesWins()
    {
        ReplyScript[] scripts =
        [
            new("a", CopilotBusinesses.Card, "zh-CN", "账单", "您的账单{amount}，还款日{date}。", [Intents.FaqBill], []),
            new("b", CopilotBusinesses.Card, "zh-CN", "账单", "您的账单{amount}，请按时还款。", [Intents.FaqBill], []),
        ];

        var ranked = ScriptRanker.Rank(scripts, Query(Intents.FaqBill, "zh-CN", "", CopilotBusinesses.Card));

        Assert.Equal(["b", "a"], ranked.Select(script => script.Script.Id));
        Assert.Equal(ranked[0].Score, ranked[1].Score);
    }

    [Fact]
    public void RetiredScripts_AndScriptsSharingNothingWithTheQuery_AreLeftOut()
    {
        ReplyScript[] scripts =
        [
            new("retired", CopilotBusinesses.Card, "zh-CN", "账单", "账单说明", [Intents.FaqBill], ["账单"], Retired: true),
            new("unrelated", CopilotBusinesses.Pricing, "zh-CN", "运费", "运费说明", [Intents.FaqShipping], ["运费"]),
            new("keyword", CopilotBusinesses.Returns, "zh-CN", "退货", "退货说明", [], ["账单"]),
        ];

        var ranked = ScriptRanker.Rank(scripts, Query(Intents.FaqBill, "zh-CN", "我的账单", CopilotBusinesses.Card));

        Assert.Equal(["keyword"], ranked.Select(script => script.Script.Id));
    }

    [Fact]
    public void AtMostMaxScripts_AreReturned() =>
        Assert.Equal(2, ScriptRanker.Rank(Demo, Query(Intents.BillInstallment, "zh-CN", "分期"), max: 2).Count);

    private static ScriptQuery Query(string? intent, string language, string customerText, string? business = null,
        IReadOnlyDictionary<string, string>? variables = null) =>
        new(business ?? CopilotBusinesses.ForIntent(intent), intent, language, customerText, variables ?? new Dictionary<string, string>());
}
