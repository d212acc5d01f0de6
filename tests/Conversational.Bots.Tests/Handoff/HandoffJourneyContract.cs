using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Bots.Policies;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Tickets;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Handoff;

/// <summary>
/// The bot's side of a handoff through the runtime, the real queue and tickets, on each store: queued with the queue
/// reply, waiting (silent, stop waiting, leave a message), and the follow-up after an agent closes.
/// </summary>
public abstract class HandoffJourneyContract(StoreKind kind, PostgresServer? postgres) : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(kind, postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HandoffQueue Queue => _host.Services.GetRequiredService<HandoffQueue>();

    [Fact]
    public async Task Asking_for_a_person_queues_the_conversation_and_tells_how_many_of_the_same_level_are_ahead()
    {
        var first = await StartAsync("c1");
        var second = await StartAsync("c2");

        await SayAsync(first, "转人工");
        var replies = await SayAsync(second, "转人工");

        var reply = Assert.Single(replies);
        Assert.StartsWith("正在为您转接人工客服，您前面还有 1 位，预计等待约", reply.Text, StringComparison.Ordinal);
        Assert.Equal([HandoffWording.Chinese.LeaveMessageOption, HandoffWording.Chinese.StopWaitingOption],
            reply.SuggestedActions!.Actions.Select(a => a.Value));
        var position = (await Queue.PositionAsync(second, default))!;
        Assert.Equal((QueueEntryState.Waiting, "general", 1), (position.State, position.SkillGroup, position.AheadOfSameLevel));
        Assert.Equal(new HandoffQueued("general", position.Priority), (await EventsAsync(second)).OfType<HandoffQueued>().Single());
        Assert.Equal(ConversationOwner.Waiting, (await StateAsync(second)).Owner);
    }

    [Fact]
    public async Task While_waiting_other_messages_are_kept_for_the_agent_without_an_answer()
    {
        var conversation = await StartAsync("c1");
        await SayAsync(conversation, "转人工");

        var replies = await SayAsync(conversation, "我的快递三天没动了");

        Assert.Empty(replies);
        Assert.Equal("我的快递三天没动了", (await EventsAsync(conversation)).OfType<UserMessaged>().Last().Activity.Text);
        Assert.Equal(QueueEntryState.Waiting, (await Queue.PositionAsync(conversation, default))!.State);
    }

    [Fact]
    public async Task Stop_waiting_leaves_the_queue_and_the_bot_answers_again()
    {
        var conversation = await StartAsync("c1");
        await SayAsync(conversation, "转人工");

        var replies = await SayAsync(conversation, "不等了");

        Assert.Equal(HandoffWording.Chinese.StoppedWaiting, Assert.Single(replies).Text);
        Assert.Equal(QueueEntryState.Cancelled, (await Queue.PositionAsync(conversation, default))!.State);
        Assert.Equal(new HandoffCancelled(WaitingGate.GaveUp), (await EventsAsync(conversation)).OfType<HandoffCancelled>().Single());
        Assert.Equal(BotMessages.Chinese.Greeting, Assert.Single(await SayAsync(conversation, "你好")).Text);
    }

    [Fact]
    public async Task A_left_message_becomes_a_ticket_with_the_customers_words_and_the_queue_is_left()
    {
        var conversation = await StartAsync("c1");
        await SayAsync(conversation, "转人工");

        Assert.Equal(HandoffWording.Chinese.AskLeftMessage, Assert.Single(await SayAsync(conversation, "留言")).Text);
        var replies = await SayAsync(conversation, "退款没到账，请回电 13812345678");

        var ticket = Assert.Single(await _host.Services.GetRequiredService<HandoffTickets>().ForConversationAsync(conversation, default));
        Assert.Equal((WaitingGate.LeftMessage, "退款没到账，请回电 13812345678", "c1"), (ticket.Kind, ticket.Text, ticket.CustomerId));
        Assert.Equal(HandoffWording.Chinese.MessageLeft(ticket.TicketId), Assert.Single(replies).Text);
        Assert.Equal(new HandoffCancelled(WaitingGate.LeftMessage, ticket.TicketId),
            (await EventsAsync(conversation)).OfType<HandoffCancelled>().Single());
        Assert.Equal(QueueEntryState.Cancelled, (await Queue.PositionAsync(conversation, default))!.State);
    }

    [Fact]
    public async Task After_the_agent_closes_the_bot_asks_once_for_a_rating_and_a_score_is_recorded_for_that_agent()
    {
        var conversation = await StartAsync("c1");
        await SayAsync(conversation, "转人工");
        await _host.Runtime.RecordAsync(conversation, new AgentAssigned("agent2"), default);
        await _host.Runtime.RecordAsync(conversation, new HandoffClosed("agent2", "resolved"), default);

        var prompt = Assert.Single(await _host.Runtime.FollowUpAfterAgentAsync(conversation, default));
        Assert.Empty(await _host.Runtime.FollowUpAfterAgentAsync(conversation, default));
        var thanks = await SayAsync(conversation, "2 不满意");

        Assert.Equal(HandoffWording.Chinese.RatingPrompt, prompt.Text);
        Assert.Equal(HandoffWording.Chinese.RatingOptions, prompt.SuggestedActions!.Actions.Select(a => a.Value));
        Assert.Equal(HandoffWording.Chinese.Rated(2), Assert.Single(thanks).Text);
        Assert.Equal(new AgentRated("agent2", 2), (await EventsAsync(conversation)).OfType<AgentRated>().Single());
        Assert.Null((await StateAsync(conversation)).RatingAgentId);
    }

    [Fact]
    public async Task While_an_agent_owns_the_chat_there_is_nothing_to_follow_up()
    {
        var conversation = await StartAsync("c1");
        await SayAsync(conversation, "转人工");
        await _host.Runtime.RecordAsync(conversation, new AgentAssigned("agent1"), default);

        Assert.Empty(await _host.Runtime.FollowUpAfterAgentAsync(conversation, default));
    }

    [Fact]
    public async Task A_hand_back_without_a_dialog_greets_again_with_the_menu()
    {
        var conversation = await StartAsync("c1");
        await SayAsync(conversation, "转人工");
        await _host.Runtime.RecordAsync(conversation, new AgentAssigned("agent1"), default);
        await _host.Runtime.RecordAsync(conversation, new HandedBackToBot("agent1"), default);

        var back = Assert.Single(await _host.Runtime.FollowUpAfterAgentAsync(conversation, default));

        Assert.Equal(HandoffWording.Chinese.BackFromAgent, back.Text);
        Assert.Equal(BotMessages.Chinese.MenuOptions, back.SuggestedActions!.Actions.Select(a => a.Value));
    }

    private async Task<string> StartAsync(string customerId) =>
        (await _host.Runtime.StartAsync(customerId, "test", "zh-CN", default)).ConversationId;

    private async Task<IReadOnlyList<Activity>> SayAsync(string conversation, string text)
    {
        var result = await _host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, text), null, default);
        return [.. result.Activities.Where(a => a.From?.Role == RoleTypes.Bot)];
    }

    private async Task<IReadOnlyList<ConversationEvent>> EventsAsync(string conversation) =>
        [.. (await _host.Store.ReadAsync(conversation, 0, default)).Select(e => e.Event)];

    private async Task<ConversationState> StateAsync(string conversation) =>
        ConversationState.Replay(conversation, await _host.Store.ReadAsync(conversation, 0, default));
}

public sealed class SqliteHandoffJourneyTests() : HandoffJourneyContract(StoreKind.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHandoffJourneyTests(PostgresFixture postgres) : HandoffJourneyContract(StoreKind.PostgreSql, postgres.Server);
