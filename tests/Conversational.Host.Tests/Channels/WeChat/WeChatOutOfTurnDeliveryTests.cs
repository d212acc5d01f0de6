using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Bots.Turns;
using Conversational.Handoff.Tickets;
using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.CustomerService;
using Conversational.Host.Desk;
using Conversational.Host.Tests.Desk;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>
/// What is said to a WeChat customer outside their own turn (the agent's replies, a ticket notice, the bot after a
/// hand-back or a close) reaches them through the customer-service API, rendered as the bot's turn replies are.
/// A host per test, so the agent starts each one with no chats.
/// </summary>
public sealed class WeChatOutOfTurnDeliveryTests : WeChatTestHost
{
    private const int MaxTextBytes = 2048;

    [Fact]
    public async Task An_agents_reply_reaches_the_follower_once()
    {
        var openId = WeChatServer.NewOpenId();
        var (agent, conversationId) = await HandOffAsync(openId);
        using var _ = agent;

        await agent.ReplyAsync(conversationId, "您好，我是客服小王，请问有什么可以帮您？");
        await agent.ReplyAsync(conversationId, "请稍等，我查一下。");
        // The sender is first in, first out: once the second reply is there, a duplicate of the first would be too.
        var sent = await Api.WaitForTextsAsync(openId, texts => texts.Contains("请稍等，我查一下。"));

        Assert.Single(sent, text => text == "您好，我是客服小王，请问有什么可以帮您？");
    }

    [Fact]
    public async Task A_hand_back_into_a_step_sends_the_resumed_question_with_numbered_options()
    {
        var openId = WeChatServer.NewOpenId();
        await BindAsync(openId, "c1003");
        await WeChat.SayAsync(openId, "我要退货");
        var (agent, conversationId) = await HandOffAsync(openId, "c1003");
        using var _ = agent;
        var step = (await Factory.Services.GetRequiredService<HandoffPackages>().FindAsync(conversationId, CancellationToken.None))!.Skill!.Step;

        using var response = await agent.PostAsync($"/api/desk/conversations/{conversationId}/handback", new { resumeStep = step });
        var expected = await ExpectedTextsAsync(response);
        var sent = await WaitForTailAsync(openId, expected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, sent.TakeLast(expected.Count));
        Assert.Contains(WeChatTextRenderer.ChooseInChinese, expected[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_sends_the_rating_prompt()
    {
        var openId = WeChatServer.NewOpenId();
        var (agent, conversationId) = await HandOffAsync(openId);
        using var _ = agent;

        using var response = await agent.PostAsync($"/api/desk/conversations/{conversationId}/close", new { disposition = "resolved" });
        var expected = await ExpectedTextsAsync(response);
        var sent = await WaitForTailAsync(openId, expected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, sent.TakeLast(expected.Count));
    }

    [Fact]
    public async Task A_ticket_sends_its_notice_with_the_ticket_number()
    {
        var openId = WeChatServer.NewOpenId();
        var (agent, conversationId) = await HandOffAsync(openId);
        using var _ = agent;

        using var response = await agent.PostAsync($"/api/desk/conversations/{conversationId}/tickets", new { text = "客户要求上门取件" });
        var ticket = (await response.Content.ReadFromJsonAsync<HandoffTicket>(ConversationJson.Options))!;
        var sent = await Api.WaitForTextsAsync(openId, texts => texts.Any(text => text.Contains(ticket.TicketId, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(sent, text => text.Contains(ticket.TicketId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bound_member_gets_the_agents_reply_at_their_OpenID()
    {
        var openId = WeChatServer.NewOpenId();
        await BindAsync(openId, "c1004");
        var (agent, conversationId) = await HandOffAsync(openId, "c1004");
        using var _ = agent;

        await agent.ReplyAsync(conversationId, "刘先生您好，订单已为您加急。");
        var sent = await Api.WaitForTextsAsync(openId, texts => texts.Contains("刘先生您好，订单已为您加急。"));

        Assert.Single(sent, text => text == "刘先生您好，订单已为您加急。");
    }

    [Fact]
    public async Task An_app_conversation_of_a_bound_member_sends_nothing_to_WeChat()
    {
        var openId = WeChatServer.NewOpenId();
        await BindAsync(openId, "c1004");
        var started = await Factory.Services.GetRequiredService<ConversationRuntime>().StartAsync("c1004", AppChannelEndpoints.Channel, "zh-CN",
            CancellationToken.None);
        await Handoffs.QueueAsync(Factory.Services, started.ConversationId, "c1004");
        using var agent = await AcceptAsync(started.ConversationId);

        await agent.ReplyAsync(started.ConversationId, "这条只在App里显示");
        // First in, first out: a marker queued after the reply arrives after it, had the reply been queued at all.
        Factory.Services.GetRequiredService<CustomerServiceMessages>().Enqueue([new CustomerServiceMessage(openId, "marker")]);
        var sent = await Api.WaitForTextsAsync(openId, texts => texts.Contains("marker"));

        Assert.Equal(["marker"], sent);
    }

    /// <summary>
    /// The follower (a visitor, or the member it is bound to) asks for a person (转人工), and agent4 (general and ecommerce) accepts on the desk API.
    /// The bot queues the request only in business hours (returns in ecommerce, the rest in general), so the test queues it
    /// as the bot does whatever the clock says; a conversation already queued keeps its place.
    /// </summary>
    private async Task<(DeskApi Agent, string ConversationId)> HandOffAsync(string openId, string? memberId = null)
    {
        await WeChat.SayAsync(openId, "转人工");
        var customerId = memberId ?? WeChatConversations.CustomerId(openId);
        var conversation = (await Factory.Services.GetRequiredService<IConversationStore>().ListByCustomerAsync(customerId, 10,
            CancellationToken.None)).First(c => c.Channel == WeChatConversations.Channel);
        await Handoffs.QueueAsync(Factory.Services, conversation.Id, customerId);
        return (await AcceptAsync(conversation.Id), conversation.Id);
    }

    private async Task<DeskApi> AcceptAsync(string conversationId)
    {
        var agent = await DeskApi.SignInAsync(Factory, "agent4");
        await agent.GoAvailableAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await agent.WaitForOfferAsync(conversationId, timeout.Token);
        await agent.AcceptAsync(conversationId);
        return agent;
    }

    /// <summary>The bot's follow-up in the desk's answer, as the WeChat customer should read it.</summary>
    private static async Task<IReadOnlyList<string>> ExpectedTextsAsync(HttpResponseMessage response)
    {
        var followUp = (await response.Content.ReadFromJsonAsync<BotFollowUp>(ConversationJson.Options))!;
        var expected = WeChatTextRenderer.Render(followUp.Replies, MaxTextBytes);
        Assert.NotEmpty(expected);
        return expected;
    }

    private Task<IReadOnlyList<string>> WaitForTailAsync(string openId, IReadOnlyList<string> expected) =>
        Api.WaitForTextsAsync(openId, texts => texts.Count >= expected.Count && texts.TakeLast(expected.Count).SequenceEqual(expected));

    private async Task BindAsync(string openId, string customerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/wechat/bindings", UriKind.Relative))
        {
            Content = new StringContent($$"""{"openId":"{{openId}}","customerId":"{{customerId}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", BindingApiKey);
        using var response = await Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
