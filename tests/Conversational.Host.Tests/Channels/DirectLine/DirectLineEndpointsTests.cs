using System.Net;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>Tokens, conversations, reconnection and who may reach what, over HTTP as a Direct Line client calls them.</summary>
public sealed class DirectLineEndpointsTests() : DirectLineTest
{
    [Fact]
    public async Task GenerateToken_WithSecret_StartsAConversation_WhoseGreetingTheTokenReads()
    {
        var generated = await Api.GenerateTokenAsync("u-42");

        var set = await Api.ActivitiesAsync(generated.ConversationId, generated.Token);

        Assert.Equal(1800, generated.ExpiresIn);
        Assert.Null(generated.StreamUrl);
        var welcome = Assert.Single(set.Activities);
        Assert.Equal(BotMessages.Chinese.Welcome, welcome.Text);
        Assert.Equal(RoleTypes.Bot, welcome.From!.Role);
        Assert.Equal("u-42", welcome.Recipient!.Id);
        Assert.Equal("directline", welcome.ChannelId);
        Assert.Equal(BotMessages.Chinese.MenuOptions, welcome.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(welcome.SuggestedActions.Actions, a => Assert.Equal(("imBack", a.Title), (a.Type, a.Value)));
        Assert.EndsWith("Z", welcome.Timestamp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateToken_ForAKnownCustomer_ServesThatCustomer_AnUnknownIdBecomesAVisitor()
    {
        var known = await Api.GenerateTokenAsync("c1003");
        var unknown = await Api.GenerateTokenAsync("someone-new");
        var store = Factory.Services.GetRequiredService<IConversationStore>();
        var customers = Factory.Services.GetRequiredService<ICustomerDirectory>();

        Assert.Equal("c1003", (await store.FindAsync(known.ConversationId, default))!.CustomerId);
        Assert.DoesNotContain(CustomerTags.Visitor, (await customers.FindAsync("c1003", default))!.Tags);
        Assert.Equal("someone-new", (await store.FindAsync(unknown.ConversationId, default))!.CustomerId);
        Assert.Contains(CustomerTags.Visitor, (await customers.FindAsync("someone-new", default))!.Tags);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-secret-but-long-enough-0000", HttpStatusCode.Forbidden)]
    public async Task GenerateToken_WithoutTheSecret_IsRefused(string? credential, HttpStatusCode expected)
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "tokens/generate", credential);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_IsForbidden_OnlyTheSecretMintsTokens()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "tokens/generate", Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithToken_OpensTheTokensConversation_WithAStreamUrlCarryingAToken()
    {
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{Conversation}/stream?t=", Started.StreamUrl, StringComparison.Ordinal);

        var again = await Api.StartAsync(Token);

        Assert.Equal(Conversation, again.ConversationId);
    }

    [Fact]
    public async Task StartConversation_WithSecret_StartsANewOne_InTheClientsLocale()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "conversations", DirectLineApi.Secret,
            """{"user":{"id":"u-en"},"locale":"en-US"}""");
        var started = await DirectLineApi.ReadAsync<Host.Channels.DirectLine.DirectLineConversation>(response);

        var set = await Api.ActivitiesAsync(started.ConversationId, started.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(Conversation, started.ConversationId);
        Assert.Equal(BotMessages.English.Welcome, Assert.Single(set.Activities).Text);
    }

    [Fact]
    public async Task Reconnect_GivesAFreshTokenAndAStreamUrlResumingAfterTheWatermark()
    {
        var set = await Api.ActivitiesAsync(Conversation, Token);
        using var response = await Api.SendAsync(HttpMethod.Get, $"conversations/{Conversation}?watermark={set.Watermark}", Token);
        var reconnected = await DirectLineApi.ReadAsync<Host.Channels.DirectLine.DirectLineConversation>(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Conversation, reconnected.ConversationId);
        Assert.Contains($"/stream?watermark={set.Watermark}&t=", reconnected.StreamUrl, StringComparison.Ordinal);
        Assert.NotEqual(Token, reconnected.Token);
        Assert.Single((await Api.ActivitiesAsync(Conversation, reconnected.Token)).Activities);
    }

    [Fact]
    public async Task RefreshToken_GivesANewTokenForTheSameConversation_ButNotForTheSecret()
    {
        using var refreshed = await Api.SendAsync(HttpMethod.Post, "tokens/refresh", Token);
        var token = await DirectLineApi.ReadAsync<Host.Channels.DirectLine.DirectLineConversation>(refreshed);
        using var withSecret = await Api.SendAsync(HttpMethod.Post, "tokens/refresh", DirectLineApi.Secret);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(Conversation, token.ConversationId);
        Assert.Single((await Api.ActivitiesAsync(Conversation, token.Token)).Activities);
        Assert.Equal(HttpStatusCode.Forbidden, withSecret.StatusCode);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/activities")]
    [InlineData("POST", "/activities")]
    [InlineData("GET", "/stream")]
    public async Task TokenForConversationA_CannotReachConversationB(string method, string path)
    {
        var other = await Api.GenerateTokenAsync("someone-else");

        using var response = await Api.SendAsync(new HttpMethod(method), $"conversations/{other.ConversationId}{path}", Token,
            method == "POST" ? DirectLineApi.Message("偷看") : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single((await Api.ActivitiesAsync(other.ConversationId, other.Token)).Activities);
    }

    [Fact]
    public async Task Secret_ReachesAnyDirectLineConversation_ButNotAnotherChannels()
    {
        var appCustomer = await AppApi.CreateVisitorAsync(Factory.CreateClient());
        var appConversation = (await appCustomer.StartAsync()).ConversationId;

        var mine = await Api.ActivitiesAsync(Conversation, DirectLineApi.Secret);
        using var app = await Api.SendAsync(HttpMethod.Get, $"conversations/{appConversation}/activities", DirectLineApi.Secret);

        Assert.Single(mine.Activities);
        Assert.Equal(HttpStatusCode.NotFound, app.StatusCode);
    }

    [Fact]
    public async Task UnknownConversation_IsNotFound_InTheProtocolsErrorShape()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, "conversations/nope/activities", DirectLineApi.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", await DirectLineApi.ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("CfDJ8-forged")]
    public async Task BadToken_IsForbidden(string token)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, $"conversations/{Conversation}/activities", token + "x");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", await DirectLineApi.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task TokenInTheUrl_IsOnlyTakenByTheStream()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, $"conversations/{Conversation}/activities?t={Uri.EscapeDataString(Token)}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithAMalformedUserId_IsABadArgument()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "conversations", DirectLineApi.Secret, """{"user":{"id":"<script>"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CorsPreflight_FromAMerchantsPage_AllowsWhatWebChatSends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/v3/directline/conversations", UriKind.Relative));
        request.Headers.Add("Origin", "https://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await Api.Http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToUpperInvariant();
        Assert.All(new[] { "AUTHORIZATION", "CONTENT-TYPE", "X-MS-BOT-AGENT" }, h => Assert.Contains(h, allowed, StringComparison.Ordinal));
    }
}
