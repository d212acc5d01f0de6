using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conversational.Bots.Copilot.Llm;
using Conversational.Skills.Installments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Tests.Copilot;

/// <summary>
/// The host configured with <c>AI:Chat</c> for an OpenAI-compatible endpoint, here a fake on a loopback port that
/// answers as the chat completions API does: first with a tool call for the installment plan, then, once the tool's
/// result is in the conversation, with text quoting it.
/// </summary>
public sealed class OpenAICompatibleDraftTests : IAsyncLifetime
{
    private readonly List<(string Path, string Authorization, JsonNode Body)> _requests = [];
    private WebApplication _endpoint = null!;
    private DraftingChat _chat = null!;
    private int _failWith;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _endpoint = builder.Build();
        _endpoint.MapPost("/v1/chat/completions", AnswerAsync);
        await _endpoint.StartAsync();

        _chat = await DraftingChat.StartAsync("6000分12期每期多少", new Dictionary<string, string?>
        {
            ["AI:Chat:Provider"] = "OpenAI",
            ["AI:Chat:Endpoint"] = new Uri(new Uri(_endpoint.Urls.Single()), "/v1").ToString(),
            ["AI:Chat:Model"] = "qwen2.5-7b-instruct",
            ["AI:Chat:ApiKey"] = "sk-local",
            ["AI:Chat:MaxRetries"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await _chat.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task A_tool_call_over_the_wire_is_answered_by_the_calculator_and_the_draft_quotes_its_figures()
    {
        using var response = await _chat.Agent.PostAsync(_chat.DraftPath("reply"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var draft = (await response.Content.ReadFromJsonAsync<CopilotDraft>())!;
        var table = _chat.Host.Services.GetRequiredService<IOptions<InstallmentProductTable>>().Value;
        var plan = InstallmentCalculator.Plan(6000m, table.FindOffer(12)!);
        Assert.Contains(ToolFigures.Money(plan.RegularPayment), draft.Text, StringComparison.Ordinal);
        Assert.Contains(ToolFigures.AnnualizedRate(plan.AnnualizedRate), draft.Text, StringComparison.Ordinal);
        Assert.Equal(["calculators_installment_plan"], draft.ToolCalls);

        Assert.Equal(2, _requests.Count);
        var (path, authorization, first) = _requests[0];
        Assert.Equal(("/v1/chat/completions", "Bearer sk-local", "qwen2.5-7b-instruct"), (path, authorization, first["model"]!.GetValue<string>()));
        Assert.Contains("calculators_installment_plan", first["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()));
        var user = first["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "user")!;
        Assert.Contains("<customer>6000分12期每期多少</customer>", Content(user["content"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_fails_is_a_502_naming_its_status()
    {
        _failWith = 503;

        using var response = await _chat.Agent.PostAsync(_chat.DraftPath("summary"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("503", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        lock (_requests)
        {
            _requests.Add((context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
        }

        if (_failWith != 0)
        {
            context.Response.StatusCode = _failWith;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = "The model is overloaded", ["type"] = "server_error" },
            });
            return;
        }

        var toolResult = body["messages"]!.AsArray().FirstOrDefault(m => m!["role"]!.GetValue<string>() == "tool");
        var message = toolResult is null
            ? new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = "call_1",
                    ["type"] = "function",
                    ["function"] = new JsonObject
                    {
                        ["name"] = "calculators_installment_plan",
                        ["arguments"] = """{"amount":6000,"periods":12}""",
                    },
                }),
            }
            : new JsonObject { ["role"] = "assistant", ["content"] = "方案如下：" + Content(toolResult["content"]!) };
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1_763_856_000,
            ["model"] = body["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = toolResult is null ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        });
    }

    // A message's content is a string, or an array of text parts.
    private static string Content(JsonNode content) => content is JsonArray parts
        ? string.Concat(parts.Select(p => p!["text"]!.GetValue<string>()))
        : content.GetValue<string>();
}
