using System.Text;
using Conversational.Bots.Activities;
using Conversational.Host.Channels.WeChat;

namespace Conversational.Host.Tests.Channels.WeChat;

public sealed class WeChatTextRendererTests
{
    private static Activity Reply(string text, string locale = "zh-CN", params string[] options) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Locale = locale,
        SuggestedActions = options.Length > 0 ? new SuggestedActions([.. options.Select(CardAction.ImBack)]) : null,
    };

    [Fact]
    public void Render_QuickReplies_BecomeNumberedLines()
    {
        var texts = WeChatTextRenderer.Render([Reply("请选择商品", "zh-CN", "SH-1001", "AP-2001")], 2048);

        Assert.Equal("请选择商品\n回复数字选择：\n1. SH-1001\n2. AP-2001", Assert.Single(texts));
    }

    [Fact]
    public void Render_EnglishReply_GetsAnEnglishHint() =>
        Assert.Contains("Reply with a number:\n1. Yes", Assert.Single(WeChatTextRenderer.Render([Reply("Sure?", "en", "Yes")], 2048)),
            StringComparison.Ordinal);

    [Fact]
    public void Render_SeveralReplies_AreSeveralMessages_InOrder_SkippingEmptyOnes()
    {
        var texts = WeChatTextRenderer.Render([Reply("一"), Reply("  "), Reply("二"), new Activity { Type = "typing" }], 2048);

        Assert.Equal(["一", "二"], texts);
    }

    [Fact]
    public void Split_LongChineseReply_StaysWithinTheByteLimit_AtLineBreaks_AndLosesNothing()
    {
        var lines = Enumerable.Range(1, 200).Select(i => $"第{i}行：满300减50，每满300减30。").ToList();
        var text = string.Join('\n', lines);

        var pieces = WeChatTextRenderer.Split(text, 2048).ToList();

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 2048));
        Assert.Equal(lines, pieces.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void Split_LineLongerThanTheLimit_IsCutBetweenCharacters_NeverInsideOne()
    {
        var text = string.Concat(Enumerable.Repeat("分期🎉", 500));

        var pieces = WeChatTextRenderer.Split(text, 100).ToList();

        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 100));
        Assert.Equal(text, string.Concat(pieces));
        Assert.DoesNotContain(pieces, p => p.Contains('\uFFFD', StringComparison.Ordinal) || char.IsHighSurrogate(p[^1]));
    }
}
