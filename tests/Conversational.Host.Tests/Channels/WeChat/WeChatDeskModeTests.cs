using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.CustomerService;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task WhatIsSaidOutsideTheCustomersTurn_IsLeftToWeChatsDesk()
    {
        var openId = WeChatServer.NewOpenId();
        var services = host.Factory.Services;
        var reply = new Activity { Type = ActivityTypes.Message, ChannelId = WeChatConversations.Channel, Text = "您好，我是客服小王" };

        foreach (var delivery in services.GetServices<IOutOfTurnDelivery>())
        {
            await delivery.DeliverAsync(WeChatConversations.Channel, WeChatConversations.CustomerId(openId), [reply], CancellationToken.None);
        }

        // First in, first out: a marker queued after the reply arrives after it, had the reply been queued at all.
        services.GetRequiredService<CustomerServiceMessages>().Enqueue([new CustomerServiceMessage(openId, "marker")]);
        Assert.Equal(["marker"], await host.Api.WaitForTextsAsync(openId, 1));
    }

    [Fact]
    public async Task AnOrdinaryMessage_IsStillAnsweredByTheBot()
    {
        var wechat = host.WeChat;

        Assert.Equal("text", (await wechat.SendAsync(WeChatServer.Text(WeChatServer.NewOpenId(), "你好", wechat.NextMsgId())))!["MsgType"]);
    }
}
