using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.App;

namespace Conversational.Host.Tests;

/// <summary>A customer of the app API: a visitor with a token, as the web widget is.</summary>
public sealed class AppApi(HttpClient http, CustomerSession visitor)
{
    public HttpClient Http { get; } = http;

    public CustomerSession Visitor { get; } = visitor;

    public static async Task<AppApi> CreateVisitorAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = await http.PostAsync(new Uri("/api/visitors", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var visitor = await response.Content.ReadFromJsonAsync<CustomerSession>(ConversationJson.Options);
        return new AppApi(http, visitor!);
    }

    public async Task<TurnResponse> StartAsync(string locale = "zh-CN")
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/conversations", $$"""{"locale":"{{locale}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TurnResponse>(ConversationJson.Options))!;
    }

    public async Task<TurnResponse> SayAsync(string conversationId, string text, string? clientMessageId = null)
    {
        var body = JsonSerializer.Serialize(new SendMessageRequest(text, clientMessageId, null), ConversationJson.Options);
        using var response = await SendAsync(HttpMethod.Post, $"/api/conversations/{conversationId}/messages", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TurnResponse>(ConversationJson.Options))!;
    }

    public async Task<ActivitySet> ActivitiesAsync(string conversationId, long after = 0)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/conversations/{conversationId}/activities?after={after}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ActivitySet>(ConversationJson.Options))!;
    }

    /// <summary>A raw request with this customer's token, for tests of what the API refuses.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Visitor.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return Http.SendAsync(request);
    }
}
