using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Tests.Policies;

/// <summary>The policy as an utterance → decision table: pure, no store, no host.</summary>
public sealed class TurnPolicyTests
{
    private readonly TurnPolicy _policy = new();
    private readonly DecisionExecutor _executor = new();

    public static TheoryData<string, string> Replies => new()
    {
        { "你好", BotMessages.Chinese.Greeting },
        { "hello", BotMessages.English.Greeting },
        { "帮助", BotMessages.Chinese.Help },
        { "help", BotMessages.English.Help },
        { "谢谢", BotMessages.Chinese.Goodbye },
        { "转人工", BotMessages.Chinese.HandoffNotYetAvailable },
        { "今天天气怎么样", BotMessages.Chinese.Clarify },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Utterance_GetsTheExpectedReplyInItsLanguage(string utterance, string reply)
    {
        var context = await DecideAndActAsync(utterance, State());

        Assert.Equal(reply, Assert.Single(context.Outbox.OfType<BotReplied>()).Activity.Text);
    }

    [Fact]
    public async Task AskingForAHuman_RecordsTheHandoffRequestWithItsReason()
    {
        var context = await DecideAndActAsync("我要人工客服", State());

        Assert.Equal(new HandoffRequested(HandoffReasons.CustomerAsked), Assert.Single(context.Outbox.OfType<HandoffRequested>()));
    }

    [Fact]
    public async Task FirstMisunderstanding_OffersTheMenu_SecondInARowOffersAHuman()
    {
        var first = await DecideAndActAsync("今天天气怎么样", State());
        var second = await DecideAndActAsync("今天天气怎么样", State() with { ConsecutiveMisunderstandings = 1 });

        Assert.Equal(BotMessages.Chinese.MenuOptions, QuickReplies(first));
        Assert.Equal(BotMessages.Chinese.OfferHuman, second.Outbox.OfType<BotReplied>().Single().Activity.Text);
        Assert.Equal([BotMessages.Chinese.TransferToHumanOption], QuickReplies(second));
    }

    [Fact]
    public void ConversationStart_IsGreetedWithTheWelcomeInTheConversationsLanguage()
    {
        var context = new TurnContext(new Activity { Type = ActivityTypes.ConversationUpdate }, State() with { Locale = "en" });

        var decision = _policy.Decide(context);

        Assert.Equal(BotMessages.English.Welcome, Assert.IsType<ReplyDecision>(decision).Text);
    }

    [Fact]
    public async Task OnceTheBotHasReplied_ThePolicyListens()
    {
        var context = await DecideAndActAsync("你好", State());

        Assert.IsType<ListenDecision>(_policy.Decide(context));
    }

    private static ConversationState State() => new() { ConversationId = "conv-1", CustomerId = "c1", Channel = "test", Version = 1 };

    private async Task<TurnContext> DecideAndActAsync(string utterance, ConversationState state)
    {
        var context = new TurnContext(Messages.From("c1", "conv-1", utterance) with { Id = "2" }, state)
        {
            Understanding = await new KeywordUnderstanding().UnderstandAsync(utterance, default),
        };
        _executor.Execute(_policy.Decide(context), context);
        return context;
    }

    private static IEnumerable<string> QuickReplies(TurnContext context) =>
        context.Outbox.OfType<BotReplied>().Single().Activity.SuggestedActions!.Actions.Select(a => a.Value);
}
