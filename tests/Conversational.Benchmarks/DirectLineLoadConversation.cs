using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Conversational.Benchmarks;

/// <summary>Totals over every conversation of a <c>directline</c> run.</summary>
public sealed class DirectLineLoadCounters
{
    public long Delivered;
    public long Typing;
    public long Duplicated;
}

/// <summary>
/// One Direct Line conversation under load: its WebSocket, read all the time, and its messages, each awaited until the
/// bot's reply to it arrives on the socket. Every activity id seen is counted, to find any lost or repeated.
/// </summary>
public sealed class DirectLineLoadConversation(string conversationId, string token, ClientWebSocket socket, DirectLineLoadCounters counters)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _echoes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaiting = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _greeted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    public string ConversationId { get; } = conversationId;

    public string Token { get; } = token;

    /// <summary>Ids of the activities received, each with how often.</summary>
    public IReadOnlyDictionary<string, int> Seen => _seen;

    public Task Greeted => _greeted.Task;

    public static async Task<DirectLineLoadConversation> OpenAsync(HttpClient client, string secret, DirectLineLoadCounters counters,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = (await PostAsync(client, "/v3/directline/tokens/generate", secret, null, cancellationToken)).GetProperty("token").GetString()!;
        var started = await PostAsync(client, "/v3/directline/conversations", token, null, cancellationToken);
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), cancellationToken);
        var conversation = new DirectLineLoadConversation(started.GetProperty("conversationId").GetString()!, token, socket, counters);
        conversation._reading = Task.Run(conversation.ReadAsync, CancellationToken.None);
        return conversation;
    }

    /// <summary>Sends a message and completes when the bot's reply to it has arrived on the socket.</summary>
    public async Task SayAsync(HttpClient client, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var clientActivityId = Guid.NewGuid().ToString("N");
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaiting[clientActivityId] = replied;
        var body = JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = "load", role = "user" },
            channelData = new { clientActivityID = clientActivityId },
        });
        try
        {
            await PostAsync(client, $"/v3/directline/conversations/{ConversationId}/activities", Token, body, cancellationToken);
            await replied.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            _awaiting.TryRemove(clientActivityId, out _);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    // An empty frame is the server's keep-alive.
                    if (frame.Length > 0)
                    {
                        Take(JsonDocument.Parse(frame.ToArray()).RootElement);
                    }

                    frame.SetLength(0);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Stopped, or the connection went; the final check against the log tells what was missed.
        }
    }

    private void Take(JsonElement set)
    {
        foreach (var activity in set.GetProperty("activities").EnumerateArray())
        {
            if (activity.GetProperty("type").GetString() == "typing")
            {
                Interlocked.Increment(ref counters.Typing);
                continue;
            }

            var id = activity.GetProperty("id").GetString()!;
            if (_seen.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref counters.Duplicated);
            }

            Interlocked.Increment(ref counters.Delivered);
            var role = activity.GetProperty("from").GetProperty("role").GetString();
            if (role == "user" && activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("clientActivityID", out var cid))
            {
                _echoes[id] = cid.GetString()!;
            }
            else if (role == "bot")
            {
                _greeted.TrySetResult();
                if (activity.TryGetProperty("replyToId", out var replyTo) && _echoes.TryRemove(replyTo.GetString()!, out var answered)
                    && _awaiting.TryGetValue(answered, out var waiting))
                {
                    waiting.TrySetResult();
                }
            }
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, string credential, string? body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        socket.Abort();
        socket.Dispose();
        _stop.Dispose();
    }
}
