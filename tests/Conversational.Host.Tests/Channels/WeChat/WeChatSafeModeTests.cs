using System.Net;
using System.Text.RegularExpressions;
using Conversational.Bots.Conversations;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>End to end in safe mode (安全模式): encrypted pushes as WeChat sends them, encrypted replies read back.</summary>
public sealed partial class WeChatSafeModeTests(WeChatTestHost host) : IClassFixture<WeChatTestHost>
{
    private readonly WeChatServer _wechat = host.WeChat;

    [Fact]
    public async Task PriceDialog_AsksWithNumberedOptions_AndADigitPicksOne()
    {
        var openId = WeChatServer.NewOpenId();

        var question = await _wechat.SayAsync(openId, "查询到手价");
        var first = FirstOption().Match(question!).Groups["value"].Value;
        var next = await _wechat.SayAsync(openId, "1");

        Assert.Contains("回复数字选择：", question, StringComparison.Ordinal);
        Assert.NotEmpty(first);
        var said = (await host.EventsOfAsync(openId)).Select(e => e.Event).OfType<UserMessaged>().Select(u => u.Activity.Text).ToList();
        Assert.Equal(["查询到手价", first], said);
        Assert.False(string.IsNullOrWhiteSpace(next));
        Assert.NotEqual(question, next);
    }

    [Fact]
    public async Task PlainPush_ToASafeModeAccount_IsRefused()
    {
        var openId = WeChatServer.NewOpenId();

        using var response = await _wechat.PushAsync(WeChatServer.Text(openId, "你好", _wechat.NextMsgId()), encrypt: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.EventsOfAsync(openId));
    }

    [Fact]
    public async Task CiphertextForAnotherAppId_IsRefused()
    {
        var openId = WeChatServer.NewOpenId();
        var stranger = new WeChatServer(host.Factory.CreateClient(), WeChatTestHost.Token, WeChatTestHost.EncodingAesKey, "wx0000000000000000");

        using var response = await stranger.PushAsync(WeChatServer.Text(openId, "你好", _wechat.NextMsgId()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.EventsOfAsync(openId));
    }

    [GeneratedRegex(@"^1\. (?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstOption();
}
