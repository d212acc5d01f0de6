using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Conversational.Bots.Conversations;

namespace Conversational.Host.Channels.App;

/// <summary>
/// The live push stream (server-sent events). Each activity is sent once with its sequence number as the SSE id,
/// so a browser that reconnects resumes exactly after the last one it received (Last-Event-ID). While the customer waits
/// for a person, <c>event: queue</c> tells them where they stand whenever that changes (no id: it is a state, not a message).
/// </summary>
public static class AppActivityStream
{
    public static async Task<IResult> StreamAsync(string conversationId, long? after, HttpContext http, ClaimsPrincipal user,
        [AsParameters] AppChannelServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(services);
        if (await AppChannelEndpoints.FindOwnedAsync(conversationId, user, services, cancellationToken) is null)
        {
            return AppChannelEndpoints.NotFound(conversationId);
        }

        var cursor = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], CultureInfo.InvariantCulture, out var last) ? last : 0);
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync(": connected\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);

        // The queue is only asked about once the conversation has been queued, not on every change of every queue.
        var queue = new QueueBanner(await services.Queue.PositionAsync(conversationId, cancellationToken) is not null);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = services.Changes.NextChange(conversationId);
                var queueChanged = services.HandoffChanges.NextChange();
                foreach (var stored in await services.Store.ReadAsync(conversationId, cursor, cancellationToken))
                {
                    cursor = stored.Seq;
                    queue.Follow(stored.Event);
                    if (ConversationTranscript.ToActivity(stored) is { } activity)
                    {
                        var json = JsonSerializer.Serialize(activity, ConversationJson.Options);
                        await response.WriteAsync($"id: {stored.Seq}\nevent: activity\ndata: {json}\n\n", cancellationToken);
                    }
                }

                if (queue.Tracking && queue.Next(await services.Queue.PositionAsync(conversationId, cancellationToken)) is { } status)
                {
                    await response.WriteAsync($"event: queue\ndata: {JsonSerializer.Serialize(status, ConversationJson.Options)}\n\n", cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
                var keepAlive = Task.Delay(services.Options.Value.StreamKeepAlive, cancellationToken);
                if (await Task.WhenAny(changed, queueChanged, keepAlive) == keepAlive && !cancellationToken.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; that is how every stream ends.
        }

        return Results.Empty;
    }
}
