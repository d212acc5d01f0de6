using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Host.Hosting;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Queues;
using Conversational.Host.Channels.App;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Desk;

/// <summary>
/// The desk's live WebSocket (<c>GET /api/desk/stream</c>). Server to client, JSON text frames: <c>state</c> when the
/// desk changed (offers, queues, chats: the client re-fetches <c>/api/desk/state</c>), <c>activity</c> for each new
/// message in one of the agent's chats as it lands (on any host: the store's NOTIFY wakes it), after a chat's new customer
/// or agent messages one <c>copilot</c> frame with the chat's copilot view, and <c>ping</c> when idle.
/// What the client sends is read and dropped; actions go through the HTTP API.
/// </summary>
public sealed partial class DeskStream(IConversationStore store, ConversationChangeFeed conversations, HandoffQueue queue,
    HandoffChangeFeed handoff, AgentCopilot copilot, IOptions<AppChannelOptions> options, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<DeskStream> logger)
{
    private static readonly DeskFrame State = new("state");
    private static readonly DeskFrame Ping = new("ping");

    public static async Task AcceptAsync(HttpContext http, ClaimsPrincipal user, DeskStream stream)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(stream);
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem("The desk stream is a WebSocket.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, DeskEndpoints.StaffId(user), http.RequestAborted);
    }

    public async Task RunAsync(WebSocket socket, string agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var reading = WebSocketSessions.DrainAsync(socket, session);
        LogOpened(agentId);
        try
        {
            await SendAsync(socket, agentId, session.Token);
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
            LogClosed(agentId);
        }
    }

    private async Task SendAsync(WebSocket socket, string agentId, CancellationToken cancellationToken)
    {
        using var keepAlive = new PeriodicTimer(options.Value.StreamKeepAlive, time);
        // Per chat: the last sequence number pushed. Chats present at connect start at their end, and the first frame,
        // `state`, is sent only once those ends are read: the client reads its chats over HTTP when it gets it, so a
        // message is either in that read or pushed after it (the client drops one it has twice, by id). A chat the agent
        // takes later starts at its assignment, so nothing after it is missed.
        var cursors = new Dictionary<string, long>(StringComparer.Ordinal);
        var refreshChats = true;
        var connecting = true;
        Task<bool>? tick = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before reading, so a change landing between the read and the wait is not missed.
            var deskChanged = handoff.NextChange();
            if (refreshChats)
            {
                await RefreshChatsAsync(agentId, cursors, connecting, cancellationToken);
                if (connecting)
                {
                    await SendFrameAsync(socket, State, cancellationToken);
                    connecting = false;
                }
            }

            var chatChanged = cursors.Keys.Select(conversations.NextChange).ToList();
            foreach (var (conversationId, cursor) in cursors.ToList())
            {
                var events = await store.ReadAsync(conversationId, cursor, cancellationToken);
                if (events.Count == 0)
                {
                    continue;
                }

                cursors[conversationId] = events[^1].Seq;
                foreach (var activity in HandoffPackageBuilder.MaskedActivities(events))
                {
                    await SendFrameAsync(socket, new DeskFrame("activity", conversationId, activity), cancellationToken);
                }

                if (events.Any(e => e.Event is UserMessaged or AgentReplied) && await CopilotAsync(conversationId, cancellationToken) is { } view)
                {
                    await SendFrameAsync(socket, new DeskFrame("copilot", conversationId, Copilot: view), cancellationToken);
                }
            }

            tick ??= keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
            var woke = await Task.WhenAny([deskChanged, tick, .. chatChanged]);
            refreshChats = woke == deskChanged;
            if (woke == deskChanged)
            {
                await SendFrameAsync(socket, State, cancellationToken);
            }
            else if (woke == tick)
            {
                tick = null;
                await SendFrameAsync(socket, Ping, cancellationToken);
            }
        }
    }

    private async Task RefreshChatsAsync(string agentId, Dictionary<string, long> cursors, bool connecting, CancellationToken cancellationToken)
    {
        var active = (await queue.ActiveConversationsAsync(agentId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in cursors.Keys.Where(id => !active.Contains(id)).ToList())
        {
            cursors.Remove(gone);
        }

        foreach (var conversationId in active.Where(id => !cursors.ContainsKey(id)))
        {
            var events = await store.ReadAsync(conversationId, 0, cancellationToken);
            cursors[conversationId] = connecting
                ? (events.Count > 0 ? events[^1].Seq : 0)
                : events.LastOrDefault(e => e.Event is AgentAssigned assigned && assigned.AgentId == agentId)?.Seq ?? (events.Count > 0 ? events[^1].Seq : 0);
        }
    }

    /// <summary>The chat's copilot view; a failure costs the agent this frame (the panel can re-fetch it), never the stream.</summary>
    private async Task<CopilotView?> CopilotAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            return await copilot.ViewAsync(conversationId, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or WebSocketException))
        {
            LogCopilotFailed(exception, conversationId);
            return null;
        }
    }

    private static Task SendFrameAsync(WebSocket socket, DeskFrame frame, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame, ConversationJson.Options), WebSocketMessageType.Text, endOfMessage: true,
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Desk stream for agent {AgentId} opened")]
    private partial void LogOpened(string agentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Desk stream for agent {AgentId} closed")]
    private partial void LogClosed(string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The copilot view of {ConversationId} failed; the desk gets no copilot frame for it")]
    private partial void LogCopilotFailed(Exception exception, string conversationId);
}

/// <summary>
/// One frame of the desk stream: <c>state</c>, <c>activity</c> (with the chat and the message), <c>copilot</c> (with the chat
/// and its copilot view) or <c>ping</c>.
/// </summary>
public sealed record DeskFrame(string Type, string? ConversationId = null, Activity? Activity = null, CopilotView? Copilot = null);
