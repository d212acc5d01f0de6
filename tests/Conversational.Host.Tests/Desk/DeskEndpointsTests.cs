using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Copilot;

namespace Conversational.Host.Tests.Desk;

/// <summary>The desk API around one accepted chat: reading it, replying, read marks, transfer, tickets.</summary>
public sealed class DeskEndpointsTests : AssignedChatTest
{
    [Fact]
    public async Task The_offer_showed_the_customer_the_reason_and_the_group_before_the_agent_accepted()
    {
        Assert.Equal(("general", "customer_asked", "访*"), (Offer.SkillGroup, Offer.Reason, Offer.CustomerName));

        var state = await Agent.StateAsync();

        Assert.Empty(state.Offers);
        var chat = Assert.Single(state.Chats);
        Assert.Equal((Conversation, "general"), (chat.ConversationId, chat.SkillGroup));
        Assert.Equal(("agent1", "available"), (state.Agent.Id, state.Agent.Status));
    }

    [Fact]
    public async Task The_agent_reads_the_package_and_every_message_and_owns_the_conversation()
    {
        var conversation = (await Agent.Http.GetFromJsonAsync<DeskConversation>(new Uri(ConversationPath(Conversation), UriKind.Relative),
            ConversationJson.Options))!;

        Assert.Equal("agent", conversation.Owner);
        Assert.Equal("customer_asked", conversation.Package!.Value.GetProperty("handoff").GetProperty("reason").GetString());
        Assert.Contains(conversation.Messages, m => m.Text == "你好" && m.From?.Role == RoleTypes.User);
        Assert.True(long.Parse(conversation.Messages[^1].Id!, System.Globalization.CultureInfo.InvariantCulture) <= conversation.LastSeq);
    }

    [Fact]
    public async Task The_customer_sees_the_agents_reply_from_the_agent_by_name()
    {
        var sent = await Agent.ReplyAsync(Conversation, "您好，我是客服小王");

        var seen = (await Customer.ActivitiesAsync(Conversation)).Activities[^1];

        Assert.Equal((sent.Id, "您好，我是客服小王"), (seen.Id, seen.Text));
        Assert.Equal(("agent1", "坐席 小王", RoleTypes.Agent), (seen.From!.Id, seen.From.Name, seen.From.Role));
    }

    [Fact]
    public async Task The_customer_writing_to_an_agent_gets_no_bot_answer()
    {
        var turn = await Customer.SayAsync(Conversation, "我的账单有问题");

        Assert.Equal("我的账单有问题", Assert.Single(turn.Activities).Text);
    }

    [Fact]
    public async Task Unread_counts_the_customers_messages_after_the_agents_read_mark()
    {
        var read = (await Agent.Http.GetFromJsonAsync<DeskConversation>(new Uri(ConversationPath(Conversation), UriKind.Relative),
            ConversationJson.Options))!.LastSeq;
        using var marked = await Agent.PostAsync($"{ConversationPath(Conversation)}/read", new { seq = read });
        await Customer.SayAsync(Conversation, "在吗");
        await Agent.ReplyAsync(Conversation, "在的");
        await Customer.SayAsync(Conversation, "我想改分期");

        var chat = Assert.Single((await Agent.StateAsync()).Chats);

        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Equal((2, "我想改分期"), (chat.Unread, chat.LastText));
    }

    [Fact]
    public async Task A_transfer_to_a_group_queues_the_customer_again_and_leaves_the_note_for_the_next_agent()
    {
        using var transferred = await Agent.PostAsync($"{ConversationPath(Conversation)}/transfer",
            new { toSkillGroup = "card", note = "客户要改分期期数" });
        using var supervisor = await DeskApi.SignInAsync(Factory, "supervisor", "Supervisor#2026");

        var conversation = (await supervisor.Http.GetFromJsonAsync<DeskConversation>(new Uri(ConversationPath(Conversation), UriKind.Relative),
            ConversationJson.Options))!;

        Assert.Equal(HttpStatusCode.Accepted, transferred.StatusCode);
        Assert.Equal("waiting", conversation.Owner);
        var note = Assert.Single(conversation.Notes);
        Assert.Equal(("agent1", "客户要改分期期数"), (note.From, note.Text));
        Assert.DoesNotContain((await Agent.StateAsync()).Chats, c => c.ConversationId == Conversation);
    }

    [Theory]
    [InlineData("""{"note":"no target"}""")]
    [InlineData("""{"toAgentId":"agent2","toSkillGroup":"card"}""")]
    [InlineData("""{"toAgentId":"agent1"}""")]
    public async Task A_transfer_needs_exactly_one_target_other_than_the_agent(string body)
    {
        using var response = await Agent.Http.PostAsync(new Uri($"{ConversationPath(Conversation)}/transfer", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_ticket_prefilled_from_the_package_is_opened_and_the_customer_gets_its_number()
    {
        var draft = (await Agent.Http.GetFromJsonAsync<TicketDraft>(new Uri($"{ConversationPath(Conversation)}/ticket-draft", UriKind.Relative),
            ConversationJson.Options))!;

        using var created = await Agent.PostAsync($"{ConversationPath(Conversation)}/tickets",
            new { text = draft.Text + " 客户要求回电", fields = new Dictionary<string, string> { ["phone"] = "138****0000" } });
        var ticketId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("ticketId").GetString()!;
        var told = (await Customer.ActivitiesAsync(Conversation)).Activities[^1];

        // The customer only greeted before asking for a person: a general ticket.
        Assert.Equal(TicketTemplates.For(CopilotBusinesses.General).Kind, draft.Kind);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(ticketId, told.Text, StringComparison.Ordinal);
        Assert.Equal(RoleTypes.Bot, told.From?.Role);
    }

    [Fact]
    public async Task Closing_needs_a_known_disposition_code()
    {
        var codes = (await Agent.Http.GetFromJsonAsync<List<Disposition>>(new Uri("/api/desk/dispositions", UriKind.Relative),
            ConversationJson.Options))!;

        using var refused = await Agent.PostAsync($"{ConversationPath(Conversation)}/close", new { disposition = "no-such-code" });

        Assert.Contains(codes, c => c is { Code: "resolved", ZhCn: "已解决" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_hand_back_into_a_step_the_skill_does_not_have_is_refused()
    {
        using var refused = await Agent.PostAsync($"{ConversationPath(Conversation)}/handback", new { resumeStep = "AwaitingConfirmation" });

        // The customer was in no skill when they were queued, so no step can be resumed.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_desk_stream_pushes_the_customers_message_to_the_agent_as_it_lands()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await Agent.OpenStreamAsync(timeout.Token);
        var first = await stream.NextAsync(timeout.Token);

        await Customer.SayAsync(Conversation, "还在吗");
        var (conversationId, activity) = await stream.NextActivityAsync(timeout.Token);

        Assert.Equal("state", first.GetProperty("type").GetString());
        Assert.Equal((Conversation, "还在吗", RoleTypes.User), (conversationId, activity.Text, activity.From?.Role));
    }

    [Fact]
    public async Task Presence_takes_only_the_three_states()
    {
        using var away = await Agent.PostAsync("/api/desk/presence", new { status = "away" });
        using var unknown = await Agent.PostAsync("/api/desk/presence", new { status = "busy" });

        Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        Assert.Equal("away", (await away.Content.ReadFromJsonAsync<DeskAgent>(ConversationJson.Options))!.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
