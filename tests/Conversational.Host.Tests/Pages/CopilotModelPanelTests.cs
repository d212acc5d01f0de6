using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The copilot panel with a language model configured (an OpenAI-compatible fake on loopback): AI 草拟回复 gives a draft
/// the agent inserts for editing, and a model that fails is reported in the panel as it is.
/// </summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class CopilotModelPanelTests(CopilotModelPagesFixture fixture) : IClassFixture<CopilotModelPagesFixture>, IAsyncLifetime
{
    private const string Draft = "陈静您好，您的账单分12期，每期手续费以方案为准，办理后期数不能修改。";
    private WebApplication _model = null!;
    private int _failWith;
    private CopilotPages _pages = null!;

    private DeskPage Desk => _pages.Desk;

    private CopilotPanel Copilot => _pages.Copilot;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{fixture.ModelPort}");
        builder.Logging.ClearProviders();
        _model = builder.Build();
        _model.MapPost("/v1/chat/completions", AnswerAsync);
        await _model.StartAsync();
        _pages = await CopilotPages.OpenAsync(fixture);
    }

    public async Task DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task The_agent_inserts_an_AI_draft_for_editing_and_sees_a_failing_model_reported_plainly()
    {
        await CopilotScenario.HandOverMidInstallmentAsync(_pages.Widget, Desk);
        await Expect(Copilot.AiTools).ToBeVisibleAsync();

        await Copilot.Button(Copilot.AiTools, "AI 草拟回复").ClickAsync();
        var result = Copilot.AiTools.Locator(".ai-result");
        await Expect(result.Locator(".ai-result__text")).ToHaveTextAsync(Draft);
        await Copilot.Button(result, "插入").ClickAsync();
        await Expect(Desk.Page.GetByLabel("回复客户")).ToHaveValueAsync(Draft);
        await Desk.SendAsIsAsync();
        await Expect(_pages.Widget.AgentBubbles.Last).ToHaveTextAsync(Draft);

        _failWith = 503;
        await Copilot.Button(Copilot.AiTools, "AI 摘要").ClickAsync();
        await Expect(Copilot.AiTools.Locator(".copilot-ai__error")).ToContainTextAsync("AI 摘要：");
        await Expect(Copilot.AiTools.Locator(".copilot-ai__error")).ToContainTextAsync("503");
        await Expect(Copilot.Button(Copilot.AiTools, "AI 摘要")).ToBeEnabledAsync();
        Assert.True(_pages.PageErrors.Count == 0, string.Join('\n', _pages.PageErrors));
    }

    /// <summary>Answers as the chat completions API does: the draft as plain text, or the status the test asks to fail with.</summary>
    private async Task AnswerAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        if (_failWith != 0)
        {
            context.Response.StatusCode = _failWith;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = "The model is overloaded", ["type"] = "server_error" },
            });
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1_763_856_000,
            ["model"] = body["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Draft },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        });
    }
}
