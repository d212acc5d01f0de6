using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>
/// WeChat's API on loopback: <c>/cgi-bin/token</c> hands out <c>token-1</c>, <c>token-2</c>, …, and
/// <c>/cgi-bin/message/custom/send</c> records what it accepts. Failures can be scripted for the next sends:
/// an errcode (-1 busy, 40001 bad token) or HTTP 500.
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    public const int Http500 = 500;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private int _tokens;

    private FakeWeChatApi(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Accepted messages: recipient OpenID, text and the access token used.</summary>
    public ConcurrentQueue<(string ToUser, string Content, string AccessToken)> Sent { get; } = new();

    public int TokensIssued => _tokens;

    public int SendAttempts;

    public static async Task<FakeWeChatApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWeChatApi(app);
        app.MapGet("/cgi-bin/token", (string appid, string secret) => appid == WeChatTestHost.AppId && secret == WeChatTestHost.AppSecret
            ? Results.Json(new JsonObject { ["access_token"] = $"token-{Interlocked.Increment(ref fake._tokens)}", ["expires_in"] = 7200 })
            : Results.Json(new JsonObject { ["errcode"] = 40013, ["errmsg"] = "invalid appid" }));
        app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request, string access_token) =>
        {
            Interlocked.Increment(ref fake.SendAttempts);
            if (fake._failures.TryDequeue(out var failure))
            {
                return failure == Http500 ? Results.StatusCode(500) : Results.Json(new JsonObject { ["errcode"] = failure, ["errmsg"] = "scripted" });
            }

            var body = (await JsonNode.ParseAsync(request.Body))!;
            fake.Sent.Enqueue(((string)body["touser"]!, (string)body["text"]!["content"]!, access_token));
            return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" });
        });
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    public void FailNextSends(params int[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <summary>The texts sent to <paramref name="openId"/>, once at least <paramref name="count"/> have arrived.</summary>
    public Task<IReadOnlyList<string>> WaitForTextsAsync(string openId, int count) => WaitForTextsAsync(openId, texts => texts.Count >= count);

    /// <summary>The texts sent to <paramref name="openId"/>, once <paramref name="arrived"/> holds for them.</summary>
    public async Task<IReadOnlyList<string>> WaitForTextsAsync(string openId, Func<IReadOnlyList<string>, bool> arrived)
    {
        ArgumentNullException.ThrowIfNull(arrived);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var texts = Sent.Where(s => s.ToUser == openId).Select(s => s.Content).ToList();
            if (arrived(texts))
            {
                return texts;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
