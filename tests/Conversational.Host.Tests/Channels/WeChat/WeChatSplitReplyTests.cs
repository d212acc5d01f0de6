using System.Text;
using Conversational.Bots.Policies;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>A passive reply is one message: the rest of a long reply follows through the customer-service API.</summary>
public sealed class WeChatSplitReplyTests(ShortTextWeChatTestHost host) : IClassFixture<ShortTextWeChatTestHost>
{
    [Fact]
    public async Task LongReply_FirstPieceIsPassive_TheRestGoThroughTheApiOnce_InOrder()
    {
        var wechat = host.WeChat;
        var openId = WeChatServer.NewOpenId();
        var push = WeChatServer.Text(openId, "你好", wechat.NextMsgId());

        var passive = (await wechat.SendAsync(push))!["Content"];
        var retried = (await wechat.SendAsync(push))!["Content"];
        // First in, first out: once another follower's rest arrives, any repeat of this one's would have too.
        var marker = WeChatServer.NewOpenId();
        await wechat.SayAsync(marker, "你好");
        await host.Api.WaitForTextsAsync(marker, 1);
        var rest = host.Api.Sent.Where(s => s.ToUser == openId).Select(s => s.Content).ToList();

        Assert.Equal(passive, retried);
        Assert.NotEmpty(rest);
        Assert.All(rest.Append(passive), t => Assert.InRange(Encoding.UTF8.GetByteCount(t), 1, 64));
        var whole = string.Join("\n", rest.Prepend(passive));
        Assert.StartsWith(BotMessages.Chinese.Greeting, whole, StringComparison.Ordinal);
        Assert.EndsWith("4. " + BotMessages.Chinese.TransferToHumanOption, whole, StringComparison.Ordinal);
        Assert.Equal(whole.Split('\n').Distinct(), whole.Split('\n'));
    }
}
