using System.Net.WebSockets;

namespace Conversational.Host.Hosting;

/// <summary>
/// The two ends every server-push WebSocket here shares (Direct Line, the agent desk): the client's frames are read and
/// dropped until it closes, which ends the session; and a polite close that gives up on a client that vanished.
/// </summary>
public static class WebSocketSessions
{
    /// <summary>Reads and drops whatever the client sends until it closes; its close cancels <paramref name="session"/>.</summary>
    public static async Task DrainAsync(WebSocket socket, CancellationTokenSource session)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(session);
        var buffer = new byte[1024];
        try
        {
            while (!session.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), session.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Cancelled by the sender's end, or the connection dropped.
        }

        await session.CancelAsync();
    }

    public static async Task CloseAsync(WebSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // A client that vanished cannot be told goodbye.
            }
        }
    }
}
