using System.Net;

namespace Conversational.Host.Tests.Desk;

/// <summary>
/// Who may read and act on a chat: only the agent it is offered or assigned to acts; other agents get 403, customers get
/// 403 on every agent-side read (package, notes, tickets), and an unknown conversation is 404.
/// </summary>
public sealed class DeskAuthorizationTests : AssignedChatTest
{
    public static TheoryData<string, string> AgentCalls { get; } = new()
    {
        { "GET", "" },
        { "GET", "/ticket-draft" },
        { "POST", "/messages" },
        { "POST", "/read" },
        { "POST", "/transfer" },
        { "POST", "/handback" },
        { "POST", "/close" },
        { "POST", "/tickets" },
        { "GET", "/copilot" },
        { "POST", "/copilot/feedback" },
    };

    [Theory]
    [MemberData(nameof(AgentCalls))]
    public async Task Another_agent_can_neither_read_nor_act_on_a_chat_not_offered_or_assigned_to_them(string method, string suffix)
    {
        using var other = await DeskApi.SignInAsync(Factory, "agent2");

        using var response = await SendAsync(other, method, ConversationPath(Conversation) + suffix);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AgentCalls))]
    public async Task An_unknown_conversation_is_not_found(string method, string suffix)
    {
        using var response = await SendAsync(Agent, method, ConversationPath("no-such-conversation") + suffix);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/desk/conversations/{0}")]
    [InlineData("GET", "/api/desk/conversations/{0}/ticket-draft")]
    [InlineData("GET", "/api/desk/conversations/{0}/copilot")]
    [InlineData("GET", "/api/desk/state")]
    [InlineData("POST", "/api/desk/conversations/{0}/messages")]
    [InlineData("GET", "/api/conversations/{0}/handoff-package")]
    [InlineData("GET", "/api/supervisor/overview")]
    public async Task A_customer_cannot_reach_agent_side_data_of_their_own_conversation(string method, string path)
    {
        using var response = await Customer.SendAsync(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture,
            path, Conversation), method == "POST" ? """{"text":"我是坐席"}""" : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_customer_never_sees_a_transfer_note()
    {
        using var transferred = await Agent.PostAsync($"{ConversationPath(Conversation)}/transfer",
            new { toSkillGroup = "card", note = "这位客户投诉过两次" });

        var activities = (await Customer.ActivitiesAsync(Conversation)).Activities;

        Assert.Equal(HttpStatusCode.Accepted, transferred.StatusCode);
        Assert.DoesNotContain(activities, a => a.Text?.Contains("投诉过两次", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_agent_cannot_accept_what_was_not_offered_to_them()
    {
        using var other = await DeskApi.SignInAsync(Factory, "agent2");

        using var response = await other.PostAsync($"/api/desk/offers/{Conversation}/accept");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_reads_any_chat_but_cannot_reply_in_it()
    {
        using var supervisor = await DeskApi.SignInAsync(Factory, "supervisor", "Supervisor#2026");

        using var read = await supervisor.GetAsync(ConversationPath(Conversation));
        using var reply = await supervisor.PostAsync($"{ConversationPath(Conversation)}/messages", new { text = "我来接" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
    }

    // Bodies every call accepts, so a refusal is about who asks, not what they sent.
    private static Task<HttpResponseMessage> SendAsync(DeskApi staff, string method, string path) => method == "GET"
        ? staff.GetAsync(path)
        : staff.PostAsync(path, path.EndsWith("/transfer", StringComparison.Ordinal) ? new { toSkillGroup = "card", note = "n" }
            : path.EndsWith("/close", StringComparison.Ordinal) ? new { disposition = "resolved" }
            : path.EndsWith("/read", StringComparison.Ordinal) ? new { seq = 1 }
            : path.EndsWith("/feedback", StringComparison.Ordinal) ? new { suggestionId = "script:greeting.zh", action = "used" }
            : new { text = "好的" });
}
