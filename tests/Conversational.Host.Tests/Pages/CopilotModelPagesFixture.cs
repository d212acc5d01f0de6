using System.Net;
using System.Net.Sockets;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The handoff pages' host with <c>AI:Chat</c> pointing at an OpenAI-compatible endpoint on a loopback port reserved
/// here; the test class runs the fake endpoint on <see cref="ModelPort"/> for as long as it needs it.
/// </summary>
public sealed class CopilotModelPagesFixture : HandoffPagesFixture
{
    public int ModelPort { get; } = FreeLoopbackPort();

    protected override void Configure(Dictionary<string, string> settings)
    {
        base.Configure(settings);
        settings["AI__Chat__Provider"] = "OpenAI";
        settings["AI__Chat__Endpoint"] = $"http://127.0.0.1:{ModelPort}/v1";
        settings["AI__Chat__Model"] = "qwen2.5-7b-instruct";
        settings["AI__Chat__ApiKey"] = "sk-local";
        settings["AI__Chat__MaxRetries"] = "0";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
