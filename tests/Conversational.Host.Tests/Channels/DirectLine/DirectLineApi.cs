using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.DirectLine;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>A Direct Line client at the HTTP level, as DirectLineJS speaks to the service.</summary>
public sealed class DirectLineApi(HttpClient http)
{
    public const string Secret = "test-direct-line-secret-0123456789";

    /// <summary>Host settings that replace the demo secret with this test's.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:Secrets:0"] = Secret };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public HttpClient Http { get; } = http;

    public async Task<DirectLineConversation> GenerateTokenAsync(string? userId = null)
    {
        var body = userId is null ? null : JsonSerializer.Serialize(new { user = new { id = userId } });
        using var response = await SendAsync(HttpMethod.Post, "tokens/generate", Secret, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<DirectLineConversation>(response);
    }

    public async Task<DirectLineConversation> StartAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Post, "conversations", token, """{"user":{"id":"ignored"},"locale":"zh-CN"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<DirectLineConversation>(response);
    }

    public async Task<DirectLineActivitySet> ActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<DirectLineActivitySet>(response);
    }

    /// <summary>Posts a message as Web Chat does; returns the id the service gave it.</summary>
    public async Task<string> SayAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, Message(text, clientActivityId));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await ReadAsync<DirectLineResourceResponse>(response)).Id;
    }

    public static string Message(string text, string? clientActivityId = null) => JsonSerializer.Serialize(new
    {
        type = "message",
        text,
        from = new { id = "web-user", name = "Tester", role = "user" },
        locale = "zh-CN",
        channelData = clientActivityId is null ? null : new { clientActivityID = clientActivityId },
    });

    /// <summary>A raw request with a secret or token (or none), for tests of what the service refuses.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, string? body = null,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, new Uri("/v3/directline/" + path, UriKind.Relative));
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return Http.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(ConversationJson.Options))!;
    }

    /// <summary>The protocol's error code of a refused request.</summary>
    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response) => (await ReadAsync<DirectLineError>(response)).Error.Code;
}
