using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Unanswered;
using Conversational.Knowledge.Understanding;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversational.Bots.Tests.Turns;

/// <summary>
/// What the bot could not answer is recorded for trainers, masked, with how close it came; what it answered, what a
/// skill took and small talk are not. The understanding is scripted so each case is exactly the turn it names.
/// </summary>
public sealed class UnansweredQuestionRecorderTests : IAsyncLifetime
{
    private static readonly Dictionary<string, Understanding> Script = new(StringComparer.Ordinal)
    {
        ["火星上有没有外卖，回电13812345678"] = new(Intents.OutOfScope, 0.31, "zh-CN"),
        ["火星上有没有奶茶"] = new(Intents.OutOfScope, 0.28, "zh-CN"),
        ["运费能用积分抵扣吗"] = new(Intents.FaqShipping, 0.77, "zh-CN"),
        ["can I gift wrap it"] = new(Intents.OutOfScope, 0.2, "en"),
        ["你好"] = new(Intents.Greeting, 0.98, "zh-CN"),
        ["SH-1001到手多少钱"] = new(Intents.PriceAfterCoupons, 0.95, "zh-CN"),
        ["送人可以包装吗"] = new(Intents.FaqShipping, 0.8, "zh-CN"),
    };

    private BotHost _host = null!;

    private static DateTimeOffset Since => DateTimeOffset.UtcNow.AddDays(-1);

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(StoreKind.Sqlite,
        configureServices: services => services.Replace(ServiceDescriptor.Singleton<IUnderstanding>(new ScriptedUnderstanding())));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SqlUnansweredStore Unanswered => _host.Services.GetRequiredService<SqlUnansweredStore>();

    [Fact]
    public async Task AnOutOfScopeMessage_IsRecordedMasked_WithIntentScoreChannelAndConversation()
    {
        var conversation = await StartAsync();

        await SayAsync(conversation, "火星上有没有外卖，回电13812345678");

        var question = Assert.Single(await Unanswered.OpenAsync("zh-CN", Since, 10, default));
        Assert.Equal(("火星上有没有外卖，回电138****5678", "zh-CN", "test", conversation), (question.Text, question.Language, question.Channel, question.ConversationId));
        Assert.Equal((Intents.OutOfScope, 0.31, UnansweredReason.OutOfScope), (question.Intent, question.IntentConfidence, question.Reason));
        Assert.NotNull(question.KnowledgeScore);
        Assert.Empty(await Unanswered.OpenAsync("en", Since, 10, default));
    }

    [Fact]
    public async Task AnFaqTopicTheKnowledgeCannotAnswer_IsBelowTheFloor_AndAnEnglishQuestionIsEnglish()
    {
        var conversation = await StartAsync();

        await SayAsync(conversation, "运费能用积分抵扣吗");
        await SayAsync(conversation, "can I gift wrap it");

        Assert.Equal(UnansweredReason.BelowFloor, Assert.Single(await Unanswered.OpenAsync("zh-CN", Since, 10, default)).Reason);
        Assert.Equal("can I gift wrap it", Assert.Single(await Unanswered.OpenAsync("en", Since, 10, default)).Text);
    }

    [Fact]
    public async Task TheClarifyThenOfferAPersonLadder_RecordsEachMiss_AndARetriedMessageOnce()
    {
        var conversation = await StartAsync();

        await SayAsync(conversation, "火星上有没有外卖，回电13812345678", "m1");
        await SayAsync(conversation, "火星上有没有外卖，回电13812345678", "m1");
        await SayAsync(conversation, "火星上有没有奶茶", "m2");

        Assert.Equal(2, (await Unanswered.OpenAsync("zh-CN", Since, 10, default)).Count);
    }

    [Fact]
    public async Task Greetings_SkillRequests_AndKnowledgeAnswers_AreNotRecorded()
    {
        var conversation = await StartAsync();
        await _host.Services.GetRequiredService<SqlKnowledgeStore>().CreateAsync(new KnowledgeContent("gift-wrap.zh", KnowledgeKind.Faq,
            "可以礼品包装吗", ["送人可以包装吗", "能礼品包装吗"], "下单时勾选礼品包装。", "zh-CN", [], [], null, null, "物流组"), "trainer", default);
        await EventuallyAnsweredAsync("送人可以包装吗");

        await SayAsync(conversation, "你好");
        await SayAsync(conversation, "送人可以包装吗");
        var events = await SayAsync(conversation, "SH-1001到手多少钱");

        Assert.Contains(events, e => e is SkillStepped);
        Assert.Empty(await Unanswered.OpenAsync("zh-CN", Since, 10, default));
    }

    [Fact]
    public async Task AHandoffBecauseTheBotKeptMissing_IsRecorded()
    {
        await using var host = await BotHost.StartAsync(StoreKind.Sqlite, configureServices: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IUnderstanding>(new ScriptedUnderstanding()));
            services.Replace(ServiceDescriptor.Singleton<IBot, GivingUpBot>());
        });
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);

        var question = Assert.Single(await host.Services.GetRequiredService<SqlUnansweredStore>().OpenAsync("zh-CN", Since, 10, default));
        Assert.Equal(UnansweredReason.NoAnswerHandoff, question.Reason);
    }

    private async Task<string> StartAsync() => (await _host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

    private async Task<IReadOnlyList<ConversationEvent>> SayAsync(string conversation, string text, string? messageId = null)
    {
        var before = (await _host.Store.ReadAsync(conversation, 0, default))[^1].Seq;
        await _host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, text), messageId, default);
        return [.. (await _host.Store.ReadAsync(conversation, before, default)).Select(stored => stored.Event)];
    }

    // The indexer applies a new entry as it is committed, on its own task: wait for the search to see it.
    private async Task EventuallyAnsweredAsync(string question)
    {
        var answerer = _host.Services.GetRequiredService<KnowledgeAnswerer>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await answerer.LookUpAsync(question, "zh-CN", "test", 0, default)).Answer is not null)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The knowledge base never answered '{question}'.");
    }

    private sealed class ScriptedUnderstanding : IUnderstanding
    {
        public Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken) => Task.FromResult(Script[text]);
    }

    /// <summary>A bot that hands every message to a person because it could not answer, as the policy's last rung does.</summary>
    private sealed class GivingUpBot(IUnderstanding understanding) : IBot
    {
        public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
        {
            if (context.Activity.Text is { } text)
            {
                context.Understanding = (await understanding.UnderstandAsync(text, cancellationToken)) with { Intent = Intents.TransferToHuman };
                context.Record(new HandoffRequested(HandoffReasons.RepeatedMisunderstanding));
            }

            context.Reply("…");
        }
    }
}
