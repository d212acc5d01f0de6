using Conversational.Knowledge.Understanding;
using Conversational.Testing;

namespace Conversational.Knowledge.Tests.Understanding;

/// <summary>The bot's understanding: the model trained from the bundled demo examples, as the product runs it.</summary>
public sealed class ModelUnderstandingTests
{
    private static readonly string[] KnownIntents =
        [.. typeof(Intents).GetFields().Where(field => field.Name != nameof(Intents.FaqPrefix)).Select(field => (string)field.GetValue(null)!)];

    // Paraphrases, not lines of the example files, in both languages.
    [Theory]
    [InlineData("你好呀，在吗？", Intents.Greeting)]
    [InlineData("hello, is anybody there?", Intents.Greeting)]
    [InlineData("你都能帮我做些什么", Intents.Help)]
    [InlineData("what can you help me with", Intents.Help)]
    [InlineData("好的，谢谢你，再见", Intents.ThanksBye)]
    [InlineData("ok thank you, bye", Intents.ThanksBye)]
    [InlineData("这件T恤用完券多少钱", Intents.PriceAfterCoupons)]
    [InlineData("how much will the jacket cost after coupons", Intents.PriceAfterCoupons)]
    [InlineData("信用卡这期账单我想分12期还", Intents.BillInstallment)]
    [InlineData("can I pay this month's bill in installments", Intents.BillInstallment)]
    [InlineData("鞋子尺码太小了我想换货", Intents.ReturnExchange)]
    [InlineData("I want to return these shoes", Intents.ReturnExchange)]
    [InlineData("我的退款到哪一步了", Intents.ReturnStatus)]
    [InlineData("where is my refund now", Intents.ReturnStatus)]
    [InlineData("帮我转人工客服", Intents.TransferToHuman)]
    [InlineData("I want to talk to a real person", Intents.TransferToHuman)]
    [InlineData("你们服务太差了我要投诉", Intents.Complaint)]
    [InlineData("this is the worst service, I want to complain", Intents.Complaint)]
    [InlineData("你是真人还是机器人", Intents.ChitChat)]
    [InlineData("are you a bot?", Intents.ChitChat)]
    [InlineData("运费要多少钱", Intents.FaqShipping)]
    [InlineData("提前还款要收手续费吗", Intents.FaqEarlyPayoff)]
    [InlineData("我的信用卡额度能提高吗", Intents.FaqCreditLimit)]
    [InlineData("明天会不会下雨", Intents.OutOfScope)]
    [InlineData("recommend me a movie", Intents.OutOfScope)]
    public void Understand_UtteranceInEitherLanguage_GivesItsIntent(string utterance, string intent)
    {
        Assert.Equal(intent, DemoUnderstanding.Understand(utterance).Intent);
    }

    [Theory]
    [InlineData("我要退货", "我要退貨", "我要退货！")]
    [InlineData("这期账单能分期吗", "這期帳單能分期嗎", "这期账单能分期吗？")]
    [InlineData("帮我转人工", "幫我轉人工", "帮我转人工。")]
    [InlineData("where is my refund", "Where Is My Refund", "ｗｈｅｒｅ ｉｓ ｍｙ ｒｅｆｕｎｄ")]
    public void Understand_SimplifiedTraditionalAndFullWidthForms_GiveTheSameIntent(string simplified, string traditional, string fullWidth)
    {
        var expected = DemoUnderstanding.Understand(simplified);

        Assert.NotEqual(Intents.OutOfScope, expected.Intent);
        Assert.Equal(expected.Intent, DemoUnderstanding.Understand(traditional).Intent);
        Assert.Equal(expected.Intent, DemoUnderstanding.Understand(fullWidth).Intent);
    }

    public static TheoryData<string, string> OddInputs => new()
    {
        { "empty", "" },
        { "blank", " \t\r\n " },
        { "emoji only", "😀👨‍👩‍👧🎉" },
        { "10,000 characters", new string('退', 10_000) },
        { "10,000 mixed characters", string.Concat(Enumerable.Repeat("退货refund😀", 1_000)) },
        { "mixed scripts", "我想return这个item, пожалуйста, شكرا 😀" },
        { "control characters", "\u0000\u0007转\u200B人\u202E工\u001B[31m" },
        { "broken surrogate", "\uD800退货" },
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void Understand_OddInput_NeverThrowsAndGivesAKnownIntentWithItsConfidence(string kind, string input)
    {
        var understanding = DemoUnderstanding.Understand(input);

        Assert.True(KnownIntents.Contains(understanding.Intent), $"{kind}: {understanding.Intent}");
        Assert.InRange(understanding.Confidence, 0, 1);
        Assert.DoesNotContain(understanding.Candidates, candidate => candidate.Intent == Intents.OutOfScope);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀👨‍👩‍👧🎉")]
    [InlineData("。，！？")]
    public void Understand_TextWithNothingToGoOn_IsOutOfScope(string input)
    {
        Assert.Equal(Intents.OutOfScope, DemoUnderstanding.Understand(input).Intent);
    }

    [Fact]
    public void Understand_TextInBothScripts_AnswersInChinese()
    {
        Assert.Equal(TextLanguage.Chinese, DemoUnderstanding.Understand("我想return这个").Language);
        Assert.Equal(TextLanguage.English, DemoUnderstanding.Understand("return this").Language);
        Assert.Null(DemoUnderstanding.Understand("😀").Language);
    }

    [Fact]
    public void Understand_UnsureGuess_IsOutOfScopeWithTheInScopeCandidatesMostLikelyFirst()
    {
        // Too vague for the model to be sure: an order, but shipping or a return?
        var understanding = DemoUnderstanding.Understand("我的订单");

        Assert.Equal(Intents.OutOfScope, understanding.Intent);
        Assert.True(understanding.Candidates.Count >= 2);
        Assert.Equal(understanding.Candidates.OrderByDescending(candidate => candidate.Score), understanding.Candidates);
        Assert.All(understanding.Candidates, candidate => Assert.True(candidate.Score >= new UnderstandingOptions().CandidateMinimumScore));
    }

    [Fact]
    public void Understand_TwoIntentsNearlyAsLikely_AsksInsteadOfActingOnTheFirst()
    {
        var guessing = ModelUnderstanding.Understand(DemoUnderstanding.Model, "refund", new UnderstandingOptions { AmbiguityMargin = 0 });

        var asking = ModelUnderstanding.Understand(DemoUnderstanding.Model, "refund", new UnderstandingOptions());

        Assert.NotEqual(Intents.OutOfScope, guessing.Intent);
        Assert.True(guessing.Candidates[0].Score - guessing.Candidates[1].Score < new UnderstandingOptions().AmbiguityMargin);
        Assert.Equal(Intents.OutOfScope, asking.Intent);
        Assert.Equal(guessing.Candidates, asking.Candidates);
    }

    [Fact]
    public void Understand_ConfidentAnswer_HasItsIntentFirstAmongTheCandidates()
    {
        var understanding = DemoUnderstanding.Understand("我要退货");

        Assert.Equal(Intents.ReturnExchange, understanding.Intent);
        Assert.Equal(Intents.ReturnExchange, understanding.Candidates[0].Intent);
        Assert.Equal(understanding.Confidence, understanding.Candidates[0].Score, 6);
        Assert.True(understanding.Confidence >= DemoUnderstanding.Info.OutOfScopeThreshold);
        Assert.True(understanding.Candidates.Count == 1
            || understanding.Candidates[0].Score - understanding.Candidates[1].Score >= new UnderstandingOptions().AmbiguityMargin);
    }
}
