using System.Net;
using Conversational.Host.Channels.WeChat.Protocol;
using Conversational.Host.Tests.Channels.WeChat.Protocol;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>
/// Hostile or broken pushes are refused with a clear status before anything is stored or sent, in plain mode and, with
/// the same payloads encrypted, in safe mode (where the XML inside the ciphertext meets the same parser).
/// </summary>
public abstract class WeChatRefusalTests<THost>(THost host) : IClassFixture<THost> where THost : WeChatTestHost
{
    private readonly WeChatServer _wechat = host.WeChat;

    public static TheoryData<string, HttpStatusCode> Refused => new()
    {
        { "xxe", HttpStatusCode.BadRequest },
        { "billion-laughs", HttpStatusCode.BadRequest },
        { "missing-field", HttpStatusCode.BadRequest },
        { "wrong-signature", HttpStatusCode.Unauthorized },
        { "old-timestamp", HttpStatusCode.Unauthorized },
        { "1-MB-body", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Push_Refused_WithAClearStatus_AndNoSideEffect(string attack, HttpStatusCode expected)
    {
        var openId = WeChatServer.NewOpenId();
        var text = WeChatServer.Text(openId, "查询到手价", _wechat.NextMsgId());
        var push = attack switch
        {
            "xxe" => _wechat.PushAsync(WeChatXmlTests.Xxe.Replace("o1", openId, StringComparison.Ordinal)),
            "billion-laughs" => _wechat.PushAsync(WeChatXmlTests.BillionLaughs.Replace("o1", openId, StringComparison.Ordinal)),
            "missing-field" => _wechat.PushAsync(text.Replace("<MsgType><![CDATA[text]]></MsgType>", "", StringComparison.Ordinal)),
            "wrong-signature" => _wechat.PushAsync(text, signature: WeChatSignature.Compute("wrongToken", "1", "2")),
            "old-timestamp" => _wechat.PushAsync(text, timestamp: WeChatServer.Now - 600),
            _ => _wechat.PushAsync(text.Replace("查询到手价", new string('x', 1024 * 1024), StringComparison.Ordinal)),
        };

        using var response = await push;

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await host.EventsOfAsync(openId));
        Assert.False(await host.KnowsCustomerAsync(openId));
        Assert.DoesNotContain(host.Api.Sent, s => s.ToUser == openId);
    }
}

public sealed class PlainWeChatRefusalTests(PlainWeChatTestHost host) : WeChatRefusalTests<PlainWeChatTestHost>(host);

public sealed class SafeModeWeChatRefusalTests(WeChatTestHost host) : WeChatRefusalTests<WeChatTestHost>(host);
