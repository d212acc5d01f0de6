using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversational.Host.Tests.Desk;

/// <summary>A signed-in staff member on one host, calling the desk API as the desk page does.</summary>
public sealed class DeskApi(WebApplicationFactory<Program> host, HttpClient http, string username, string cookie) : IDisposable
{
    public const string AgentPassword = "Agent#2026";

    public HttpClient Http { get; } = http;

    public string Username { get; } = username;

    public static async Task<DeskApi> SignInAsync(WebApplicationFactory<Program> host, string username, string password = AgentPassword)
    {
        ArgumentNullException.ThrowIfNull(host);
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await http.PostAsJsonAsync("/api/staff/login", new { username, password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return new DeskApi(host, http, username, cookie);
    }

    public async Task<AgentDeskState> StateAsync() =>
        (await Http.GetFromJsonAsync<AgentDeskState>(new Uri("/api/desk/state", UriKind.Relative), ConversationJson.Options))!;

    public async Task GoAvailableAsync()
    {
        using var response = await Http.PostAsJsonAsync("/api/desk/presence", new { status = "available" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Waits (the assigner offers within about a second) until the conversation is offered to this agent.</summary>
    public async Task<DeskOffer> WaitForOfferAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if ((await StateAsync()).Offers.FirstOrDefault(o => o.ConversationId == conversationId) is { } offer)
            {
                return offer;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task AcceptAsync(string conversationId)
    {
        using var response = await PostAsync($"/api/desk/offers/{conversationId}/accept");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<Activity> ReplyAsync(string conversationId, string text)
    {
        using var response = await PostAsync($"/api/desk/conversations/{conversationId}/messages", new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Activity>(ConversationJson.Options))!;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { });

    /// <summary>The desk's WebSocket, with this staff member's cookie (as the browser sends it on the upgrade).</summary>
    public async Task<DeskSocket> OpenStreamAsync(CancellationToken cancellationToken)
    {
        var client = host.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = cookie;
        var socket = await client.ConnectAsync(new Uri(host.Server.BaseAddress, "/api/desk/stream"), cancellationToken);
        return new DeskSocket(socket);
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>The client end of the desk stream: reads its JSON frames one at a time.</summary>
public sealed class DeskSocket(WebSocket socket) : IDisposable
{
    public async Task<JsonElement> NextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new EndOfStreamException("The desk stream closed.");
            }

            frame.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return JsonDocument.Parse(frame.ToArray()).RootElement.Clone();
    }

    /// <summary>The next <c>activity</c> frame, skipping <c>state</c> and <c>ping</c>.</summary>
    public async Task<(string ConversationId, Activity Activity)> NextActivityAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await NextAsync(cancellationToken);
            if (frame.GetProperty("type").GetString() == "activity")
            {
                return (frame.GetProperty("conversationId").GetString()!,
                    frame.GetProperty("activity").Deserialize<Activity>(ConversationJson.Options)!);
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
