using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Understanding;
using Conversational.Testing;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Tests.Policies;

/// <summary>The policy as an utterance → decision table: pure, no store, no host.</summary>
public sealed class TurnPolicyTests
{
    private readonly TurnPolicy _policy = new(Options.Create(new BotOptions()));
    private readonly DecisionExecutor _executor = new();

    public static TheoryData<string, string> Replies => new()
    {
        { "你好", BotMessages.Chinese.Greeting },
        { "hello", BotMessages.English.Greeting },
        { "帮助", BotMessages.Chinese.Help },
        { "help", BotMessages.English.Help },
        { "谢谢", BotMessages.Chinese.Goodbye },
        { "今天天气怎么样", BotMessages.Chinese.Clarify },
        { "你是机器人吗", BotMessages.Chinese.ChitChat },
        { "are you a robot", BotMessages.English.ChitChat },
        { "你们服务太差了，我要投诉", BotMessages.Chinese.Complaint },
        { "运费多少", BotMessages.Chinese.NoAnswerYet },
        { "when is my payment due", BotMessages.English.NoAnswerYet },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Utterance_GetsTheExpectedReplyInItsLanguage(string utterance, string reply)
    {
        var context = DecideAndAct(utterance, State());

        Assert.Equal(reply, Assert.Single(context.Outbox.OfType<BotReplied>()).Activity.Text);
    }

    [Theory]
    [InlineData("转人工")]
    [InlineData("我要人工客服")]
    [InlineData("agent")]
    public void AskingForAHuman_HandsOffForThatReason(string utterance)
    {
        Assert.Equal(new HandOffDecision(HandoffReasons.CustomerAsked), Decide(utterance, State()));
    }

    [Fact]
    public void AskingForAHuman_InADialog_CarriesTheDialog()
    {
        var dialog = new Skills.Dialogs.DialogSnapshot("bill_installment", "ChoosingPlan", default);

        Assert.Equal(new HandOffDecision(HandoffReasons.CustomerAsked, dialog), Decide("转人工", State() with { ActiveDialog = dialog }));
    }

    [Fact]
    public void FirstMisunderstanding_OffersTheMenu_SecondInARowHandsOff()
    {
        var first = DecideAndAct("今天天气怎么样", State());
        var second = Decide("今天天气怎么样", State() with { ConsecutiveMisunderstandings = 1 });

        Assert.Equal(BotMessages.Chinese.MenuOptions, QuickReplies(first));
        Assert.Equal(new HandOffDecision(HandoffReasons.RepeatedMisunderstanding), second);
    }

    [Fact]
    public void MisunderstandingsBeforeTheConfiguredCount_Clarify_TheCountedOneHandsOff()
    {
        var policy = new TurnPolicy(Options.Create(new BotOptions { HandoffAfterMisunderstandings = 3 }));
        Decision At(int misses)
        {
            var context = new TurnContext(Messages.From("c1", "conv-1", "今天天气怎么样") with { Id = "2" },
                State() with { ConsecutiveMisunderstandings = misses }) { Understanding = DemoUnderstanding.Understand("今天天气怎么样") };
            return policy.Decide(context);
        }

        Assert.IsType<ClarifyDecision>(At(1));
        Assert.Equal(new HandOffDecision(HandoffReasons.RepeatedMisunderstanding), At(2));
    }

    [Fact]
    public void LowConfidence_ClarifiesWithTheTopTwoCandidatesAsQuickReplies()
    {
        var unsure = new Understanding(Intents.OutOfScope, 0.6, "zh-CN")
        {
            Candidates = [new(Intents.ReturnStatus, 0.3), new(Intents.FaqShipping, 0.2), new(Intents.ReturnExchange, 0.1)],
        };

        var context = Act(unsure, State());

        Assert.Equal(BotMessages.Chinese.Clarify, context.Outbox.OfType<BotReplied>().Single().Activity.Text);
        Assert.Equal([BotMessages.Chinese.ReturnStatus, BotMessages.Chinese.FaqShipping], QuickReplies(context));
    }

    [Fact]
    public void LowConfidence_CandidatesWithoutAQuickReply_AreSkippedForTheNextOnes()
    {
        var unsure = new Understanding(Intents.OutOfScope, 0.6, "en")
        {
            Candidates = [new(Intents.Greeting, 0.3), new(Intents.BillInstallment, 0.2), new(Intents.ChitChat, 0.15), new(Intents.FaqBill, 0.1)],
        };

        var context = Act(unsure, State());

        Assert.Equal([BotMessages.English.BillInstallment, BotMessages.English.FaqBill], QuickReplies(context));
    }

    [Fact]
    public void LowConfidence_FewerThanTwoCandidates_ClarifiesWithTheMenu()
    {
        var unsure = new Understanding(Intents.OutOfScope, 0.7, "zh-CN") { Candidates = [new(Intents.ReturnStatus, 0.3)] };

        var context = Act(unsure, State());

        Assert.Equal(BotMessages.Chinese.MenuOptions, QuickReplies(context));
    }

    [Fact]
    public void StillUnclearAfterClarifying_HandsOffInsteadOfOfferingTheCandidatesAgain()
    {
        var unsure = new Understanding(Intents.OutOfScope, 0.6, "zh-CN")
        {
            Candidates = [new(Intents.ReturnStatus, 0.3), new(Intents.FaqShipping, 0.2)],
        };
        var context = new TurnContext(Messages.From("c1", "conv-1", "什么") with { Id = "2" },
            State() with { ConsecutiveMisunderstandings = 1 }) { Understanding = unsure };

        Assert.Equal(new HandOffDecision(HandoffReasons.RepeatedMisunderstanding), _policy.Decide(context));
    }

    [Theory]
    [InlineData("zh-CN", "运费多少", "来源：《运费怎么收》（shipping-fee.zh）")]
    [InlineData("en", "how much is shipping", "Source: \"How much is shipping?\" (shipping-fee.en)")]
    public void AKnowledgeAnswer_IsGivenWithItsCitation_AndRecorded(string language, string utterance, string citation)
    {
        var id = language == "en" ? "shipping-fee.en" : "shipping-fee.zh";
        var title = language == "en" ? "How much is shipping?" : "运费怎么收";
        var answer = new KnowledgeAnswer(id, title, "**99**", language, 0.9f);
        var context = new TurnContext(Messages.From("c1", "conv-1", utterance) with { Id = "2" }, State())
        {
            Understanding = DemoUnderstanding.Understand(utterance),
            Knowledge = new KnowledgeLookup(SearchResult.Empty, answer),
        };

        _executor.Execute(_policy.Decide(context), context);

        Assert.Equal("**99**\n\n" + citation, context.Outbox.OfType<BotReplied>().Single().Activity.Text);
        Assert.Equal(new KnowledgeAnswered(id, title, 0.9f), Assert.Single(context.Outbox.OfType<KnowledgeAnswered>()));
    }

    [Fact]
    public void AnOutOfScopeMessageTheKnowledgeAnswers_IsNotAMiss()
    {
        var state = State() with { ConsecutiveMisunderstandings = 1 };

        var next = new[] { new IntentRecognized(Intents.OutOfScope, 0.5), (ConversationEvent)new KnowledgeAnswered("a", "A", 0.9f) }
            .Select((e, i) => new StoredEvent("conv-1", state.Version + i + 1, DateTimeOffset.UnixEpoch, e))
            .Aggregate(state, (current, stored) => current.Apply(stored));

        Assert.Equal(0, next.ConsecutiveMisunderstandings);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void EveryQuickReplyTheBotCanOffer_IsUnderstoodAsItsIntent(string language)
    {
        var messages = BotMessages.For(language);
        var offered = typeof(Intents).GetFields().Select(field => (string)field.GetValue(null)!)
            .Select(intent => (Intent: intent, Option: messages.OptionFor(intent))).Where(pair => pair.Option is not null).ToList();

        Assert.NotEmpty(offered);
        Assert.All(offered, pair => Assert.Equal(pair.Intent, DemoUnderstanding.Understand(pair.Option!).Intent));
    }

    [Fact]
    public void ConversationStart_IsGreetedWithTheWelcomeInTheConversationsLanguage()
    {
        var context = new TurnContext(new Activity { Type = ActivityTypes.ConversationUpdate }, State() with { Locale = "en" });

        var decision = _policy.Decide(context);

        Assert.Equal(BotMessages.English.Welcome, Assert.IsType<ReplyDecision>(decision).Text);
    }

    [Fact]
    public void OnceTheBotHasReplied_ThePolicyListens()
    {
        var context = DecideAndAct("你好", State());

        Assert.IsType<ListenDecision>(_policy.Decide(context));
    }

    private static ConversationState State() => new() { ConversationId = "conv-1", CustomerId = "c1", Channel = "test", Version = 1 };

    private Decision Decide(string utterance, ConversationState state) =>
        _policy.Decide(new TurnContext(Messages.From("c1", "conv-1", utterance) with { Id = "2" }, state)
        {
            Understanding = DemoUnderstanding.Understand(utterance),
        });

    private TurnContext DecideAndAct(string utterance, ConversationState state)
    {
        var context = new TurnContext(Messages.From("c1", "conv-1", utterance) with { Id = "2" }, state)
        {
            Understanding = DemoUnderstanding.Understand(utterance),
        };
        _executor.Execute(_policy.Decide(context), context);
        return context;
    }

    /// <summary>The policy's answer to an understanding given outright, in its language.</summary>
    private TurnContext Act(Understanding understanding, ConversationState state)
    {
        var text = understanding.Language == "en" ? "something" : "什么";
        var context = new TurnContext(Messages.From("c1", "conv-1", text) with { Id = "2" }, state) { Understanding = understanding };
        _executor.Execute(_policy.Decide(context), context);
        return context;
    }

    private static IEnumerable<string> QuickReplies(TurnContext context) =>
        context.Outbox.OfType<BotReplied>().Single().Activity.SuggestedActions!.Actions.Select(a => a.Value);
}
