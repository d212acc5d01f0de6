using System.Diagnostics;
using System.Text.Json;
using Conversational.Testing;
using Microsoft.AspNetCore.Builder;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>
/// Microsoft's DirectLineJS 0.15.8 in Node.js (<c>directline-client.mjs</c>) against the real host on a real port: it
/// starts, sends, receives over the WebSocket with watermarks, loses its socket and reconnects by itself.
/// </summary>
public sealed class DirectLineJsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conversational-directlinejs.").FullName;
    private HostProcess _host = null!;

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(new Dictionary<string, string>
    {
        ["Storage__SqlitePath"] = Path.Combine(_directory, "directline.db"),
        ["Storage__SeedDemoData"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["DirectLine__Secrets__0"] = DirectLineApi.Secret,
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task DirectLineJs_ReceivesEveryActivityOnce_AcrossADroppedSocket()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var api = new DirectLineApi(http);
        var token = (await api.GenerateTokenAsync("node-user")).Token;

        var run = await RunClientAsync(new Uri(_host.BaseAddress, DirectLineEndpoints.BasePath).ToString(), token);

        Assert.True(run.GetProperty("error").ValueKind == JsonValueKind.Null, run.ToString());
        var conversation = run.GetProperty("first").GetString()!.Split('|')[0];
        var log = await api.ActivitiesAsync(conversation, DirectLineApi.Secret);
        var received = run.GetProperty("activities").EnumerateArray().ToList();
        var ids = received.Select(a => a.GetProperty("id").GetString()).OfType<string>().ToList();
        // Everything in the log, in order, each once: nothing lost or repeated over the reconnection.
        Assert.Equal(log.Activities.Select(a => a.Id), ids);
        Assert.Equal(log.Watermark, run.GetProperty("watermark").GetString());

        var sockets = run.GetProperty("sockets").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(2, sockets.Count);
        Assert.Contains($"watermark={run.GetProperty("watermarkBeforeDrop").GetString()}&", sockets[1], StringComparison.Ordinal);

        var echoes = received.Where(a => a.GetProperty("role").GetString() == "user").ToList();
        Assert.Equal(["node-1", "node-2"], echoes.Select(a => a.GetProperty("clientActivityID").GetString()));
        var firstEcho = received.FindIndex(a => a.GetProperty("id").GetString() == run.GetProperty("first").GetString());
        Assert.Contains(received.Take(firstEcho), a => a.GetProperty("type").GetString() == "typing");
    }

    private static async Task<JsonElement> RunClientAsync(string domain, string token)
    {
        var directLine = await NpmPackages.FetchAsync("botframework-directlinejs", "0.15.8");
        var webSocket = await NpmPackages.FetchAsync("ws", "8.23.0");
        var xhr = await NpmPackages.FetchAsync("xhr2", "0.2.1");
        var script = Path.Combine(RepositoryPaths.Root(), "tests", "Conversational.Host.Tests", "Channels", "DirectLine", "directline-client.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, domain, token, directLine, webSocket, xhr })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        var text = await output;
        Assert.True(text.Length > 0, $"node printed nothing (exit {node.ExitCode}): {await error}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
