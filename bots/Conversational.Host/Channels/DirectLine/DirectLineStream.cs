using System.Net.WebSockets;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>
/// The conversation's WebSocket (<c>streamUrl</c>): every activity after the watermark as an activity set with the new
/// watermark, typing while the bot works, and an empty frame when idle. What the client sends (DirectLineJS pings with
/// empty frames) is read and ignored; messages arrive by POST.
/// </summary>
public sealed partial class DirectLineStream(IConversationStore store, ConversationChangeFeed changes, TypingSignals typing,
    TimeProvider time, IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime, ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        using var typingSignal = typing.Listen(conversationId);
        var reading = WebSocketSessions.DrainAsync(socket, session);
        LogOpened(conversationId, watermark);
        try
        {
            await SendAsync(socket, conversationId, watermark, typingSignal, session.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping; either way the stream is over.
        }
        finally
        {
            await session.CancelAsync();
            await reading;
            await WebSocketSessions.CloseAsync(socket);
            LogClosed(conversationId);
        }
    }

    private async Task SendAsync(WebSocket socket, string conversationId, long cursor, TypingSignals.Subscription typingSignal,
        CancellationToken cancellationToken)
    {
        // An empty frame on every tick: it keeps proxies from closing an idle socket and shows a dead client to the server.
        using var keepAlive = new PeriodicTimer(options.Value.StreamKeepAlive, time);
        Task<bool>? tick = null;
        Task<bool>? typed = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before reading, so a change landing between the read and the wait is not missed.
            var changed = changes.NextChange(conversationId);
            // Typing first: the signal is raised before the customer's message is stored, so it shows before the echo.
            if (typingSignal.Reader.TryRead(out _))
            {
                await SendSetAsync(socket, new([DirectLineActivityMapper.Typing(conversationId, time.GetUtcNow())], null), cancellationToken);
            }

            var events = await store.ReadAsync(conversationId, cursor, cancellationToken);
            if (events.Count > 0)
            {
                cursor = events[^1].Seq;
                var activities = events.Select(DirectLineActivityMapper.ToDirectLine).OfType<DirectLineActivity>().ToList();
                if (activities.Count > 0)
                {
                    await SendSetAsync(socket, new(activities, DirectLineActivityMapper.Watermark(cursor)), cancellationToken);
                }
            }

            // The waits that did not fire are kept for the next round rather than started again.
            tick ??= keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
            typed ??= typingSignal.Reader.WaitToReadAsync(cancellationToken).AsTask();
            var woke = await Task.WhenAny(changed, typed, tick);
            if (woke == tick)
            {
                tick = null;
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            else if (woke == typed)
            {
                typed = null;
            }
        }
    }

    private static Task SendSetAsync(WebSocket socket, DirectLineActivitySet set, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, ConversationJson.Options), WebSocketMessageType.Text,
            endOfMessage: true, cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream for {ConversationId} opened after watermark {Watermark}")]
    private partial void LogOpened(string conversationId, long watermark);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream for {ConversationId} closed")]
    private partial void LogClosed(string conversationId);
}
