using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>When the bot misses the budget: <c>success</c> at once, the reply through the customer-service API.</summary>
public sealed class WeChatSlowPathTests(SlowWeChatTestHost host) : IClassFixture<SlowWeChatTestHost>
{
    private readonly WeChatServer _wechat = host.WeChat;

    [Fact]
    public async Task SlowTurn_AnswersSuccess_ThenSendsTheReplyThroughTheApi()
    {
        var openId = WeChatServer.NewOpenId();

        var passive = await _wechat.SayAsync(openId, "查询到手价");
        var sent = await host.Api.WaitForTextsAsync(openId, 1);

        Assert.Null(passive);
        Assert.Contains("回复数字选择：", Assert.Single(sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransientFailures_AreRetried_AndABadTokenIsReplaced_UntilTheReplyIsDeliveredOnce()
    {
        var openId = WeChatServer.NewOpenId();
        var tokensBefore = host.Api.TokensIssued;
        host.Api.FailNextSends(-1, FakeWeChatApi.Http500, 40001);

        await _wechat.SayAsync(openId, "你好");
        var sent = await host.Api.WaitForTextsAsync(openId, 1);

        Assert.StartsWith(BotMessages.Chinese.Greeting, Assert.Single(sent), StringComparison.Ordinal);
        Assert.True(host.Api.TokensIssued > tokensBefore, "the rejected token was replaced");
        Assert.Equal($"token-{host.Api.TokensIssued}", host.Api.Sent.Last(s => s.ToUser == openId).AccessToken);
    }

    [Fact]
    public async Task RetriesArrivingWhileTheTurnRuns_RunItOnce_AndTheReplyIsSentOnce()
    {
        var openId = WeChatServer.NewOpenId();
        var push = WeChatServer.Text(openId, "你好", _wechat.NextMsgId());

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _wechat.SendAsync(push)));
        // The sender is first in, first out: once a later message arrives, a duplicate of the first would have too.
        await _wechat.SayAsync(openId, "谢谢");
        var sent = await host.Api.WaitForTextsAsync(openId, 2);

        Assert.All(deliveries, Assert.Null);
        Assert.Single(await host.EventsOfAsync(openId), e => e.Event is UserMessaged { Activity.Text: "你好" });
        Assert.Equal(2, sent.Count);
        Assert.StartsWith(BotMessages.Chinese.Greeting, sent[0], StringComparison.Ordinal);
    }
}
