using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.DirectLine;
using Microsoft.AspNetCore.TestHost;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>A Direct Line stream opened on the in-memory host, read frame by frame.</summary>
public sealed class DirectLineSocket(WebSocket socket) : IDisposable
{
    public WebSocket Socket { get; } = socket;

    public static async Task<DirectLineSocket> OpenAsync(TestServer server, string streamUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = server.CreateWebSocketClient();
        return new DirectLineSocket(await client.ConnectAsync(new Uri(streamUrl), cancellationToken));
    }

    /// <summary>The next frame's text: an activity set, or "" for a keep-alive.</summary>
    public async Task<string> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await Socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The server closed the stream.");
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    /// <summary>The next activity set, skipping keep-alive frames.</summary>
    public async Task<DirectLineActivitySet> ReceiveSetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = await ReceiveTextAsync(cancellationToken);
            if (text.Length > 0)
            {
                return JsonSerializer.Deserialize<DirectLineActivitySet>(text, ConversationJson.Options)!;
            }
        }
    }

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public void Dispose() => Socket.Dispose();
}
