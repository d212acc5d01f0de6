using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Escalation;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Turns;

/// <summary>The turn runtime's promises, on each store.</summary>
public abstract class ConversationRuntimeContract(StoreKind kind, PostgresServer? postgres)
{
    protected Task<BotHost> StartHostAsync(Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null) => BotHost.StartAsync(kind, postgres, configure, settings);

    [Fact]
    public async Task Start_BotGreetsWithTheMenuAsQuickReplies()
    {
        await using var host = await StartHostAsync();

        var turn = await host.Runtime.StartAsync("c1", "test", "zh-CN", default);

        var welcome = Assert.Single(turn.Activities);
        Assert.Equal(BotMessages.Chinese.Welcome, welcome.Text);
        Assert.Equal(RoleTypes.Bot, welcome.From!.Role);
        Assert.Equal(BotMessages.Chinese.MenuOptions, welcome.SuggestedActions!.Actions.Select(a => a.Value));
    }

    [Fact]
    public async Task FiftyConcurrentSends_EachMessageAndReplyStoredOnce_InOrder_WithContiguousSequence()
    {
        await using var host = await StartHostAsync();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        var sends = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, $"你好 #{i}"), $"msg-{i}", default)));
        var results = await Task.WhenAll(sends);

        var events = await host.Store.ReadAsync(conversation, 0, default);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        var users = events.Where(e => e.Event is UserMessaged).ToList();
        Assert.Equal(50, users.Count);
        Assert.Equal(50, users.Select(e => ((UserMessaged)e.Event).Activity.Text).Distinct().Count());
        // Every user message is followed by its own reply before the next user message.
        var transcript = ConversationTranscript.ToActivities(events);
        for (var i = 1; i < transcript.Count; i += 2)
        {
            Assert.Equal(RoleTypes.User, transcript[i].From!.Role);
            Assert.Equal(RoleTypes.Bot, transcript[i + 1].From!.Role);
            Assert.Equal(transcript[i].Id, transcript[i + 1].ReplyToId);
        }

        Assert.All(results, r => Assert.Equal(r.Activities[0].Id, r.Activities[1].ReplyToId));
    }

    [Fact]
    public async Task SameChannelMessageIdTwice_IsProcessedOnce_AndTheRetryGetsTheStoredReply()
    {
        await using var host = await StartHostAsync();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        var first = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "帮助"), "wx-1001", default);
        var retry = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "帮助"), "wx-1001", default);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Activities.Select(a => (a.Id, a.Text)), retry.Activities.Select(a => (a.Id, a.Text)));
        var events = await host.Store.ReadAsync(conversation, 0, default);
        Assert.Single(events, e => e.Event is UserMessaged);
    }

    [Fact]
    public async Task WhileAnAgentOwnsTheConversation_BotStaysSilent_ButTheMessageIsKept()
    {
        await using var host = await StartHostAsync();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;
        await host.Store.AppendAsync(conversation, 2, [new AgentAssigned("agent1")], default);

        var turn = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);

        var only = Assert.Single(turn.Activities);
        Assert.Equal("你好", only.Text);
        Assert.Equal(RoleTypes.User, only.From!.Role);
    }

    [Fact]
    public async Task AfterTheAgentHandsBack_BotAnswersAgain()
    {
        await using var host = await StartHostAsync();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;
        await host.Store.AppendAsync(conversation, 2, [new AgentAssigned("agent1"), new HandedBackToBot("agent1")], default);

        var turn = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);

        Assert.Equal(BotMessages.Chinese.Greeting, turn.Activities[^1].Text);
    }

    [Fact]
    public async Task WhenTheBotThrows_CustomerMessageIsKept_AndTheBotApologises_ThenResetsIfItFailsAgain()
    {
        var understanding = new SwitchableUnderstanding();
        await using var host = await StartHostAsync(services => services.AddSingleton<IUnderstanding>(understanding));
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        understanding.Failing = true;
        var first = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);
        var second = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);
        understanding.Failing = false;
        var third = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);

        Assert.Equal(["你好", BotMessages.Chinese.Error], first.Activities.Select(a => a.Text));
        Assert.Equal(["你好", BotMessages.Chinese.ErrorRepeated], second.Activities.Select(a => a.Text));
        Assert.Equal(["你好", BotMessages.Chinese.Greeting], third.Activities.Select(a => a.Text));
        var events = (await host.Store.ReadAsync(conversation, 0, default)).Select(e => e.Event).ToList();
        Assert.Equal(2, events.OfType<TurnFailed>().Count());
        Assert.Single(events.OfType<DialogReset>());
    }

    [Fact]
    public async Task ComplaintThreats_AreFlaggedAsEvents_EvenWhileAnAgentOwnsTheConversation()
    {
        await using var host = await StartHostAsync();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "再不处理我就打12315投诉你们！"), null, default);
        var botTurn = await host.Store.ReadAsync(conversation, 0, default);
        await host.Store.AppendAsync(conversation, botTurn[^1].Seq, [new AgentAssigned("agent1")], default);
        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "我要找你们领导"), null, default);
        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "好的谢谢"), null, default);

        var flags = (await host.Store.ReadAsync(conversation, 0, default)).Select(e => e.Event).OfType<EmotionFlagged>().ToList();
        Assert.Equal(2, flags.Count(f => f.Kind == SignalKind.ComplaintThreat));
        Assert.Contains(flags, f => f is { Kind: SignalKind.ComplaintThreat, Level: SignalLevel.High });
    }

    [Fact]
    public async Task APolicyThatNeverListens_IsStoppedAtTheStepCap()
    {
        await using var host = await StartHostAsync(
            services => services.AddSingleton<ITurnPolicy, AlwaysReplyPolicy>(),
            new Dictionary<string, string?> { ["Bot:MaxStepsPerTurn"] = "3" });
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        var turn = await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);

        Assert.Equal(3, turn.Activities.Count(a => a.From!.Role == RoleTypes.Bot));
    }

    [Fact]
    public async Task MessageToUnknownConversation_ThrowsNotFound_AndStoresNothing()
    {
        await using var host = await StartHostAsync();

        await Assert.ThrowsAsync<ConversationNotFoundException>(() =>
            host.Runtime.ProcessAsync("missing", Messages.From("c1", "missing", "你好"), null, default));

        Assert.Empty(await host.Store.ReadAsync("missing", 0, default));
    }

    [Fact]
    public async Task TwoHostsSendingToOneConversation_NeverLoseOrDuplicateEvents()
    {
        await using var host = await StartHostAsync();
        await using var peer = await host.StartPeerAsync();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        var sends = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? host : peer).Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, $"hi {i}"), $"m{i}", default)));
        await Task.WhenAll(sends);

        var events = await host.Store.ReadAsync(conversation, 0, default);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(20, events.Count(e => e.Event is UserMessaged));
        Assert.Equal(21, events.Count(e => e.Event is BotReplied));
    }

    private sealed class AlwaysReplyPolicy : ITurnPolicy
    {
        public Decision Decide(TurnContext context) => new ReplyDecision("again");
    }
}

public sealed class SqliteConversationRuntimeTests() : ConversationRuntimeContract(StoreKind.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationRuntimeTests(PostgresFixture postgres) : ConversationRuntimeContract(StoreKind.PostgreSql, postgres.Server)
{
    [Fact]
    public async Task ManyMoreConcurrentTurnsThanPooledConnections_AllComplete()
    {
        // Each turn holds a connection for its lock and needs more for its work: with a pool of 4, an unbounded number
        // of lock holders would take every connection and wait forever for one more.
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync("pool"))
        {
            MaxPoolSize = 4,
            Timeout = 5,
        };
        await using var host = await StartHostAsync(settings: new Dictionary<string, string?>
        {
            ["Storage:PostgreSqlConnectionString"] = database.ConnectionString,
        });
        var conversations = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            conversations.Add((await host.Runtime.StartAsync($"c{i}", "test", "zh-CN", default)).ConversationId);
        }

        var turns = conversations.SelectMany(id => Enumerable.Range(0, 3).Select(n => Task.Run(() =>
            host.Runtime.ProcessAsync(id, Messages.From("c", id, $"你好 {n}"), null, default))));
        var results = await Task.WhenAll(turns);

        Assert.Equal(36, results.Length);
        Assert.All(results, r => Assert.Equal(BotMessages.Chinese.Greeting, r.Activities[^1].Text));
    }
}
