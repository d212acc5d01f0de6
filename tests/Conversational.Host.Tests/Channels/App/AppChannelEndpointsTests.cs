using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.App;

public sealed class AppChannelEndpointsTests() : CustomerConversationTest(new Dictionary<string, string?> { ["AppChannel:MaxRequestBodyBytes"] = "1024" })
{
    [Fact]
    public async Task StartConversation_ReturnsTheBotsWelcome()
    {
        var started = await Customer.StartAsync("en");

        Assert.Equal(BotMessages.English.Welcome, Assert.Single(started.Activities).Text);
    }

    [Fact]
    public async Task SendMessage_ReturnsTheEchoWithServerIdAndTheReplyToIt()
    {
        var turn = await Customer.SayAsync(Conversation, "你好");

        Assert.Equal("你好", turn.Activities[0].Text);
        Assert.Equal(BotMessages.Chinese.Greeting, turn.Activities[1].Text);
        Assert.Equal(turn.Activities[0].Id, turn.Activities[1].ReplyToId);
        Assert.Equal(long.Parse(turn.Activities[1].Id!, System.Globalization.CultureInfo.InvariantCulture), turn.Watermark);
    }

    [Fact]
    public async Task ResentClientMessageId_IsProcessedOnce_AndAnsweredWithTheStoredTurn()
    {
        var first = await Customer.SayAsync(Conversation, "帮助", "client-1");
        var retry = await Customer.SayAsync(Conversation, "帮助", "client-1");

        Assert.True(retry.Replayed);
        Assert.Equal(first.Activities.Select(a => a.Id), retry.Activities.Select(a => a.Id));
        Assert.Single((await Customer.ActivitiesAsync(Conversation)).Activities, a => a.Text == "帮助");
    }

    [Fact]
    public async Task ActivitiesAfterCursor_ReturnOnlyNewerActivities()
    {
        var turn = await Customer.SayAsync(Conversation, "你好");
        await Customer.SayAsync(Conversation, "谢谢");

        var newer = await Customer.ActivitiesAsync(Conversation, turn.Watermark);

        Assert.Equal(["谢谢", BotMessages.Chinese.Goodbye], newer.Activities.Select(a => a.Text));
    }

    [Theory]
    [InlineData("{\"text\":", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("null", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"   \"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"\"}", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"hi\",\"clientMessageId\":\"\"}", HttpStatusCode.BadRequest)]
    public async Task BadMessageBody_GetsProblemDetails_AndNothingIsStored(string body, HttpStatusCode expected)
    {
        var before = await EventCountAsync();

        using var response = await Customer.SendAsync(HttpMethod.Post, $"/api/conversations/{Conversation}/messages", body);

        await AssertProblemAsync(response, expected);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task BodyOverTheLimit_Gets413_AndNothingIsStored()
    {
        var before = await EventCountAsync();

        using var response = await Customer.SendAsync(HttpMethod.Post, $"/api/conversations/{Conversation}/messages",
            $$"""{"text":"{{new string('长', 2000)}}"}""");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task BodyThatIsNotJson_Gets415()
    {
        using var response = await Customer.SendAsync(HttpMethod.Post, $"/api/conversations/{Conversation}/messages", "text=hi", "text/plain");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UnknownConversation_Gets404()
    {
        using var response = await Customer.SendAsync(HttpMethod.Post, "/api/conversations/does-not-exist/messages", """{"text":"你好"}""");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherCustomersConversation_LooksMissing_AndIsLeftUntouched()
    {
        var intruder = await AppApi.CreateVisitorAsync(Factory.CreateClient());
        var before = await EventCountAsync();

        using var send = await intruder.SendAsync(HttpMethod.Post, $"/api/conversations/{Conversation}/messages", """{"text":"你好"}""");
        using var read = await intruder.SendAsync(HttpMethod.Get, $"/api/conversations/{Conversation}/activities");
        using var stream = await intruder.SendAsync(HttpMethod.Get, $"/api/conversations/{Conversation}/stream");

        await AssertProblemAsync(send, HttpStatusCode.NotFound);
        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
        Assert.Equal(before, await EventCountAsync());
        Assert.Empty((await (await intruder.SendAsync(HttpMethod.Get, "/api/conversations")).Content.ReadFromJsonAsync<object[]>())!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task WithoutAValidToken_TheApiAnswers401(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/conversations/{Conversation}/activities", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Customer.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnsupportedLocale_Gets400()
    {
        using var response = await Customer.SendAsync(HttpMethod.Post, "/api/conversations", """{"locale":"fr"}""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListConversations_ShowsTheCustomersOwnNewestFirst()
    {
        var second = (await Customer.StartAsync()).ConversationId;

        using var response = await Customer.SendAsync(HttpMethod.Get, "/api/conversations");
        var list = await response.Content.ReadFromJsonAsync<Conversational.Host.Channels.App.ConversationSummary[]>(ConversationJson.Options);

        Assert.Equal([second, Conversation], list!.Select(c => c.ConversationId));
    }

    private async Task<int> EventCountAsync() =>
        (await Factory.Services.GetRequiredService<IConversationStore>().ReadAsync(Conversation, 0, default)).Count;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal((int)expected, problem!.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }
}
