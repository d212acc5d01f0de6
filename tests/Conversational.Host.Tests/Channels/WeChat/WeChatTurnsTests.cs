using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Policies;
using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>Translation of pushes into turns, below the 5-second machinery: identity, the log's idempotency, voice.</summary>
public sealed class WeChatTurnsTests(PlainWeChatTestHost host) : IClassFixture<PlainWeChatTestHost>
{
    private readonly WeChatTurns _turns = host.Factory.Services.GetRequiredService<WeChatTurns>();

    private static WeChatMessage Text(string openId, string content, long msgId, string type = "text") => new()
    {
        ToUserName = WeChatServer.Account,
        FromUserName = openId,
        CreateTime = WeChatServer.Now,
        MsgType = type,
        Content = type == "text" ? content : null,
        Recognition = type == "voice" ? content : null,
        MsgId = msgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task SamePushAgain_AfterTheMemoryForgotIt_IsReplayedByTheLog_NotRunTwice()
    {
        // As on a second host, or after the de-duplication window: only the conversation log knows the MsgId.
        var openId = WeChatServer.NewOpenId();
        var push = Text(openId, "你好", 42);

        var first = await _turns.RunAsync(push, CancellationToken.None);
        var again = await _turns.RunAsync(push, CancellationToken.None);

        Assert.NotEmpty(first.Texts);
        Assert.Empty(again.Texts);
        Assert.Single(await host.EventsOfAsync(openId), e => e.Event is UserMessaged);
    }

    [Fact]
    public async Task FirstMessagesAtOnce_FromANewFollower_ShareOneConversation()
    {
        var openId = WeChatServer.NewOpenId();

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => _turns.RunAsync(Text(openId, "你好", i), CancellationToken.None)));

        var events = await host.EventsOfAsync(openId);
        Assert.Single(events.Select(e => e.ConversationId).Distinct());
        Assert.Equal(4, events.Count(e => e.Event is UserMessaged));
    }

    [Fact]
    public async Task KnownCustomerProfile_UnderTheOpenId_IsKept_NotReplacedByAVisitor()
    {
        var openId = WeChatServer.NewOpenId();
        var customers = host.Factory.Services.GetRequiredService<ICustomerDirectory>();
        await customers.AddIfMissingAsync(new CustomerProfile("wechat:" + openId, "王女士", "gold", 6, "上海", "上海", []), CancellationToken.None);

        await _turns.RunAsync(Text(openId, "你好", 7), CancellationToken.None);

        var profile = await customers.FindAsync("wechat:" + openId, CancellationToken.None);
        Assert.Equal(("gold", 6), (profile!.Tier, profile.VipLevel));
        Assert.Equal("wechat:" + openId, (await host.EventsOfAsync(openId)).Select(e => e.Event).OfType<ConversationStarted>().Single().CustomerId);
    }

    [Fact]
    public async Task VoiceMessage_WithRecognizedText_IsTheCustomerSayingIt()
    {
        var openId = WeChatServer.NewOpenId();

        var outcome = await _turns.RunAsync(Text(openId, "你好", 9, type: "voice"), CancellationToken.None);

        Assert.StartsWith(BotMessages.Chinese.Greeting, Assert.Single(outcome.Texts), StringComparison.Ordinal);
    }
}
