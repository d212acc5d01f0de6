using System.Net;
using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Policies;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>Posting messages and reading them back with watermarks, as a polling client (Web Chat with webSocket:false) does.</summary>
public sealed class DirectLineActivitiesTests() : DirectLineTest
{
    [Fact]
    public async Task PostedMessage_IsEchoedWithTheServerId_AndItsClientActivityId_ThenAnsweredInReplyToIt()
    {
        var start = await Api.ActivitiesAsync(Conversation, Token);

        var id = await Api.SayAsync(Conversation, Token, "查询到手价", "client-1");
        var set = await Api.ActivitiesAsync(Conversation, Token, start.Watermark);

        Assert.Matches($@"^{Conversation}\|\d{{7}}$", id);
        var echo = set.Activities[0];
        Assert.Equal((id, "查询到手价", RoleTypes.User, "web-user"), (echo.Id, echo.Text, echo.From!.Role, echo.From.Id));
        Assert.Equal("client-1", echo.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        var reply = Assert.Single(set.Activities, a => a.From!.Role == RoleTypes.Bot);
        Assert.Equal(id, reply.ReplyToId);
        Assert.NotNull(reply.Text);
        Assert.True(string.CompareOrdinal(echo.Id, reply.Id) < 0);
    }

    [Fact]
    public async Task Watermark_ReturnsOnlyWhatCameAfterIt_AndNothingTwice()
    {
        var first = await Api.ActivitiesAsync(Conversation, Token);
        await Api.SayAsync(Conversation, Token, "你好");
        var second = await Api.ActivitiesAsync(Conversation, Token, first.Watermark);
        var third = await Api.ActivitiesAsync(Conversation, Token, second.Watermark);
        var everything = await Api.ActivitiesAsync(Conversation, Token);

        Assert.Equal([BotMessages.Chinese.Welcome], first.Activities.Select(a => a.Text));
        Assert.Equal(["你好", BotMessages.Chinese.Greeting], second.Activities.Select(a => a.Text));
        Assert.Empty(third.Activities);
        Assert.Equal(second.Watermark, third.Watermark);
        Assert.Equal(first.Activities.Concat(second.Activities).Select(a => a.Id), everything.Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task SameClientActivityIdTwice_IsOneTurn_AndAnswersTheSameId()
    {
        var first = await Api.SayAsync(Conversation, Token, "你好", "retry-me");
        var second = await Api.SayAsync(Conversation, Token, "你好", "retry-me");

        var set = await Api.ActivitiesAsync(Conversation, Token);

        Assert.Equal(first, second);
        Assert.Single(set.Activities, a => a.Text == "你好");
        Assert.Single(set.Activities, a => a.Text == BotMessages.Chinese.Greeting);
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest, "BadSyntax")]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest, "BadSyntax")]
    [InlineData("type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "BadArgument")]
    [InlineData("""{"type":"event","name":"x"}""", "application/json", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"type":"message","text":"   "}""", "application/json", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"type":"message","text":"hi","channelData":"x"}""", "application/json", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"clientActivityID":7}}""", "application/json", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"type":"message","text":"hi","attachments":[{"contentType":"image/png"}]}""", "application/json", HttpStatusCode.BadRequest, "BadArgument")]
    public async Task BadActivity_IsRefused_AndNothingIsStored(string body, string contentType, HttpStatusCode status, string code)
    {
        using var response = await Api.SendAsync(HttpMethod.Post, $"conversations/{Conversation}/activities", Token, body, contentType);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await DirectLineApi.ErrorCodeAsync(response));
        Assert.Single((await Api.ActivitiesAsync(Conversation, Token)).Activities);
    }

    [Fact]
    public async Task OversizeBody_Is413_AndNothingIsStored()
    {
        var body = DirectLineApi.Message(new string('长', 20_000));

        using var response = await Api.SendAsync(HttpMethod.Post, $"conversations/{Conversation}/activities", Token, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await DirectLineApi.ErrorCodeAsync(response));
        Assert.Single((await Api.ActivitiesAsync(Conversation, Token)).Activities);
    }

    [Fact]
    public async Task TooLongText_IsABadArgument()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, $"conversations/{Conversation}/activities", Token,
            DirectLineApi.Message(new string('a', 2001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BadWatermark_IsABadArgument()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, $"conversations/{Conversation}/activities?watermark=-1", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FromClaimedByTheClient_DoesNotChangeWhoTheSenderIs()
    {
        var body = JsonSerializer.Serialize(new { type = "message", text = "你好", from = new { id = "admin", role = "bot" } });
        using var response = await Api.SendAsync(HttpMethod.Post, $"conversations/{Conversation}/activities", Token, body);

        var echo = (await Api.ActivitiesAsync(Conversation, Token)).Activities[1];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("web-user", RoleTypes.User), (echo.From!.Id, echo.From.Role));
    }
}
