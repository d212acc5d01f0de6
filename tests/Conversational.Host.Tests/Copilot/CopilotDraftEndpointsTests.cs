using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Copilot.Llm;
using Conversational.Host.Tests.Desk;
using Conversational.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Copilot;

/// <summary>The draft endpoints with a language model stand-in: the assigned agent gets drafts; nobody else does.</summary>
public sealed class CopilotDraftEndpointsTests : IAsyncLifetime
{
    private readonly RecordingChatClient _model = new("您好，账单分期可以选3、6、12或24期。");
    private DraftingChat _chat = null!;

    public async Task InitializeAsync() =>
        _chat = await DraftingChat.StartAsync("我的手机13812345678，想办分期", services: services => services.AddSingleton<IChatClient>(_model));

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("reply")]
    [InlineData("summary")]
    public async Task The_assigned_agent_gets_the_models_text_and_the_tools_it_called(string kind)
    {
        using var response = await _chat.Agent.PostAsync(_chat.DraftPath(kind));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var draft = (await response.Content.ReadFromJsonAsync<CopilotDraft>())!;
        Assert.Equal("您好，账单分期可以选3、6、12或24期。", draft.Text);
        Assert.Empty(draft.ToolCalls);
        Assert.Contains("<customer>我的手机138****5678，想办分期</customer>", _model.AllTextSent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agent_is_refused()
    {
        using var other = await DeskApi.SignInAsync(_chat.Host, "agent2");

        using var response = await other.PostAsync(_chat.DraftPath("reply"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found()
    {
        using var response = await _chat.Agent.PostAsync(_chat.DraftPath("reply", "no-such-conversation"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_customer_cannot_ask_for_a_draft_in_their_own_conversation()
    {
        using var response = await _chat.Customer.SendAsync(HttpMethod.Post, _chat.DraftPath("reply"), "{}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task A_supervisor_who_does_not_own_the_chat_gets_no_draft()
    {
        using var supervisor = await DeskApi.SignInAsync(_chat.Host, "supervisor", "Supervisor#2026");

        using var response = await supervisor.PostAsync(_chat.DraftPath("reply"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>Without <c>AI:Chat</c> the drafts answer 503 and the rest of the desk works as before.</summary>
public sealed class CopilotDraftEndpointsWithoutModelTests : AssignedChatTest
{
    [Theory]
    [InlineData("reply")]
    [InlineData("summary")]
    public async Task A_draft_is_503_problem_details_saying_no_model_is_configured(string kind)
    {
        using var response = await Agent.PostAsync($"{ConversationPath(Conversation)}/copilot/draft-{kind}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal(CopilotDrafter.NotConfigured, problem.Detail);
    }

    [Fact]
    public async Task The_desk_still_reads_the_chat_and_drafts_its_ticket_and_the_agent_still_replies()
    {
        using var read = await Agent.GetAsync(ConversationPath(Conversation));
        using var ticket = await Agent.GetAsync($"{ConversationPath(Conversation)}/ticket-draft");
        await Agent.ReplyAsync(Conversation, "您好，我来帮您处理");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
    }
}
