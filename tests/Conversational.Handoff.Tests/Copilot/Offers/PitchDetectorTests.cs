using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Offers;

public sealed class PitchDetectorTests
{
    private static readonly ServiceOffer Upgrade = TestOffers.Offer("t.upgrade.zh", "zh-CN", concepts: [["白金"], ["升级", "升为", "换成"]]);

    private static readonly ServiceOffer Discount =
        TestOffers.Offer("t.discount.en", "en", concepts: [["installment"], ["fee"], ["discount", "cheaper", "lower", "less"]]);

    [Theory]
    [InlineData("陈女士，看您用卡一直很好，现在可以把金卡升级成白金卡，年费首年免，要不要给您办一下？")]
    [InlineData("另外我们有个白金卡免费升级的活动，您有兴趣的话我帮您申请。")]
    [InlineData("您已经是金卡客户了，可以升级白金卡，要不要办？")] // the clause that reports is left out, not the message
    [InlineData("可以幫您升級白金卡喔，需要嗎？")]                   // Traditional characters
    public void TheAgentsOwnWordsInChinese_CountAsAPitch(string agentText) => Assert.True(PitchDetector.IsPitched(Upgrade, agentText));

    [Theory]
    [InlineData("您的白金卡升级申请已经提交了，还需要我帮您查询别的业务吗？")] // a status report, then an offer of help
    [InlineData("抱歉，您目前还不能升级白金卡，要不要给您推荐其他卡？")]       // a refusal, then another offer
    [InlineData("白金卡升级需要年消费满5万元。")]                      // an answer, nothing offered
    [InlineData("白金卡升级需要什么材料，我发到您手机上。")]
    [InlineData("您的白金卡账单已出，要不要我帮您查一下明细？")]       // the product, and an offer of something else
    public void MentioningTheProductInAnotherSenseInChinese_IsNoPitch(string agentText) =>
        Assert.False(PitchDetector.IsPitched(Upgrade, agentText));

    [Theory]
    [InlineData("By the way, since you're splitting this bill, I can give you a 50% discount on the installment fee. Would you like that?")]
    [InlineData("Good news: installment fees are cheaper for cardholders this month, want me to set that up?")]
    [InlineData("You might like this: a lower INSTALLMENT FEE if you pay by card.")]
    public void TheAgentsOwnWordsInEnglish_CountAsAPitch(string agentText) => Assert.True(PitchDetector.IsPitched(Discount, agentText));

    [Theory]
    [InlineData("The installment fee discount you got last month has expired. Would you like me to check your new bill?")]
    [InlineData("Sorry, installment fee discounts aren't available on this card, but I can offer you a lower interest rate.")]
    [InlineData("Your statement shows an installment fee of ¥25 after the discount.")]
    [InlineData("It's worth knowing that the installment fee discount is applied automatically.")]
    [InlineData("Would you like me to check the installment fee on your last bill?")]
    public void MentioningTheProductInAnotherSenseInEnglish_IsNoPitch(string agentText) =>
        Assert.False(PitchDetector.IsPitched(Discount, agentText));

    [Fact]
    public void InAChineseTranscript_OnlyTheMessageThatPitchesCounts()
    {
        string[] agentMessages =
        [
            "您好，我是客服小王，请问有什么可以帮您？",
            "您的账单分期已经办好了，分12期，每期手续费30元。",
            "白金卡升级需要年消费满5万元，您今年已经满足了。",
            "另外看您用卡一直很好，金卡可以免费升为白金卡，要不要我帮您申请？",
            "好的，那就不打扰您了，祝您生活愉快。",
        ];

        Assert.Equal([3], PitchedAt(Upgrade, agentMessages));
    }

    [Fact]
    public void InAnEnglishTranscript_OnlyTheMessageThatPitchesCounts()
    {
        string[] agentMessages =
        [
            "Hello, this is Amy. How can I help?",
            "Your installment plan has been set up: 12 periods, with a fee of ¥30 each.",
            "Installment fees depend on the number of periods.",
            "One more thing: cardholders get a lower installment fee this month. Shall I apply it to your plan?",
            "Thank you for contacting us, have a nice day.",
        ];

        Assert.Equal([3], PitchedAt(Discount, agentMessages));
    }

    [Fact]
    public void EveryDemoOffersOwnScripts_AreDetectedAsItsPitch()
    {
        var values = new Dictionary<string, string> { ["customer_name"] = "陈女士", ["periods"] = "12", ["product"] = "跑鞋" };

        var missed = DemoCopilotCatalog.Load().Offers
            .SelectMany(offer => offer.Scripts.Select(script => (offer, script)))
            .Where(pair => !PitchDetector.IsPitched(pair.offer, ScriptVariables.Fill(pair.script.Text, values)))
            .Select(pair => pair.script.Id);

        Assert.Empty(missed);
    }

    private static IEnumerable<int> PitchedAt(ServiceOffer offer, string[] agentMessages) =>
        agentMessages.Index().Where(message => PitchDetector.IsPitched(offer, message.Item)).Select(message => message.Index);
}
