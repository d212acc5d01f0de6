using System.Globalization;
using System.Net;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Host.Channels.WeChat.Protocol;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>The channel in plain mode (明文模式): verification, events and de-duplication.</summary>
public sealed class WeChatChannelEndpointsTests(PlainWeChatTestHost host) : IClassFixture<PlainWeChatTestHost>
{
    private readonly WeChatServer _wechat = host.WeChat;

    [Fact]
    public async Task UrlVerification_SignedByOurToken_EchoesEchostr()
    {
        var ts = WeChatServer.Now.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(WeChatTestHost.Token, ts, "1514711492");

        var answer = await host.Factory.CreateClient().GetStringAsync(
            new Uri($"/wechat?signature={signature}&timestamp={ts}&nonce=1514711492&echostr=4375120948345356249", UriKind.Relative));

        Assert.Equal("4375120948345356249", answer);
    }

    [Fact]
    public async Task UrlVerification_SignedWithAnotherToken_Is401()
    {
        var ts = WeChatServer.Now.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute("someoneElse", ts, "1");

        using var response = await host.Factory.CreateClient().GetAsync(
            new Uri($"/wechat?signature={signature}&timestamp={ts}&nonce=1&echostr=42", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Subscribe_StartsAConversation_AndTheWelcomeIsThePassiveReply()
    {
        var openId = WeChatServer.NewOpenId();

        var reply = await _wechat.SendAsync(WeChatServer.Event(openId, "subscribe", "qrscene_123"));

        Assert.Equal(openId, reply!["ToUserName"]);
        Assert.Equal(WeChatServer.Account, reply["FromUserName"]);
        Assert.Equal("text", reply["MsgType"]);
        Assert.StartsWith(BotMessages.Chinese.Welcome, reply["Content"], StringComparison.Ordinal);
        Assert.Contains("1. " + BotMessages.Chinese.PriceAfterCoupons, reply["Content"], StringComparison.Ordinal);
        Assert.True(await host.KnowsCustomerAsync(openId));
    }

    [Fact]
    public async Task MenuClick_IsTheCustomerSayingTheMappedText()
    {
        var openId = WeChatServer.NewOpenId();

        await _wechat.SendAsync(WeChatServer.Event(openId, "CLICK", "PRICE"));

        var said = (await host.EventsOfAsync(openId)).Select(e => e.Event).OfType<UserMessaged>().Single();
        Assert.Equal(BotMessages.Chinese.PriceAfterCoupons, said.Activity.Text);
    }

    [Fact]
    public async Task SameMsgIdDeliveredThreeTimes_IsOneTurn_AndEveryDeliveryGetsTheSameReply()
    {
        var openId = WeChatServer.NewOpenId();
        var push = WeChatServer.Text(openId, "你好", _wechat.NextMsgId());

        var replies = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await _wechat.SendAsync(push))?["Content"]);
        }

        Assert.Single(await host.EventsOfAsync(openId), e => e.Event is UserMessaged);
        Assert.StartsWith(BotMessages.Chinese.Greeting, replies[0], StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Equal(replies[0], r));
    }

    [Fact]
    public async Task OneOpenId_KeepsOneConversation()
    {
        var openId = WeChatServer.NewOpenId();

        await _wechat.SayAsync(openId, "你好");
        await _wechat.SayAsync(openId, "谢谢");

        var events = await host.EventsOfAsync(openId);
        Assert.Single(events.Select(e => e.ConversationId).Distinct());
        Assert.Equal(2, events.Count(e => e.Event is UserMessaged));
    }

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("VIEW")]
    public async Task EventWithNothingForTheBot_IsAcknowledgedWithSuccess(string name) =>
        Assert.Null(await _wechat.SendAsync(WeChatServer.Event(WeChatServer.NewOpenId(), name, "https://example.com")));
}
