using Conversational.Bots.Conversations;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>With <c>WeChat:AgentDeskMode</c> = WeChat, a handoff is WeChat's own transfer to its human desk.</summary>
public sealed class WeChatDeskModeTests(WeChatDeskTestHost host) : IClassFixture<WeChatDeskTestHost>
{
    [Fact]
    public async Task AskingForAHuman_RepliesTransferCustomerService_AndTheLogKeepsTheHandoff()
    {
        var wechat = host.WeChat;
        var openId = WeChatServer.NewOpenId();

        var reply = await wechat.SendAsync(WeChatServer.Text(openId, "转人工", wechat.NextMsgId()));

        Assert.Equal("transfer_customer_service", reply!["MsgType"]);
        Assert.Equal(openId, reply["ToUserName"]);
        Assert.Contains((await host.EventsOfAsync(openId)).Select(e => e.Event), e => e is HandoffRequested);
    }

    [Fact]
    public async Task AnOrdinaryMessage_IsStillAnsweredByTheBot()
    {
        var wechat = host.WeChat;

        Assert.Equal("text", (await wechat.SendAsync(WeChatServer.Text(WeChatServer.NewOpenId(), "你好", wechat.NextMsgId())))!["MsgType"]);
    }
}
