using System.Net;
using System.Net.Http.Headers;
using Conversational.Bots.Policies;

namespace Conversational.Host.Tests.Channels.App;

public sealed class AppActivityStreamTests() : CustomerConversationTest
{
    [Fact]
    public async Task Stream_PushesHistoryThenEachNewActivityOnce_WithItsSequenceAsEventId()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var reader = await OpenStreamAsync($"?access_token={Uri.EscapeDataString(Customer.Visitor.Token)}", timeout.Token);

        var welcome = await ReadEventAsync(reader, timeout.Token);
        await Customer.SayAsync(Conversation, "你好");
        var echo = await ReadEventAsync(reader, timeout.Token);
        var reply = await ReadEventAsync(reader, timeout.Token);

        Assert.Contains(BotMessages.Chinese.Welcome, welcome.Data, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"你好\"", echo.Data, StringComparison.Ordinal);
        Assert.Contains(BotMessages.Chinese.Greeting, reply.Data, StringComparison.Ordinal);
        Assert.True(long.Parse(echo.Id, System.Globalization.CultureInfo.InvariantCulture)
            < long.Parse(reply.Id, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Stream_ResumesAfterLastEventId_WithoutRepeatingWhatWasSeen()
    {
        var turn = await Customer.SayAsync(Conversation, "你好");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var reader = await OpenStreamAsync("", timeout.Token, lastEventId: turn.Activities[0].Id);
        var first = await ReadEventAsync(reader, timeout.Token);

        Assert.Equal(turn.Activities[1].Id, first.Id);
    }

    private async Task<StreamReader> OpenStreamAsync(string query, CancellationToken cancellationToken, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/conversations/{Conversation}/stream{query}", UriKind.Relative));
        if (query.Length == 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Customer.Visitor.Token);
        }

        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await Customer.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The next <c>activity</c> event, skipping comments (keep-alives).</summary>
    private static async Task<(string Id, string Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? id = null;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                return (id!, data);
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
