using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.WeChat;

namespace Conversational.Host.Tests.Channels.WeChat;

public sealed class WeChatOptionPickerTests
{
    private static StoredEvent Bot(long seq, params string[] options) => new("c1", seq, DateTimeOffset.UnixEpoch, new BotReplied(new Activity
    {
        Type = ActivityTypes.Message,
        Text = "?",
        SuggestedActions = options.Length > 0 ? new SuggestedActions([.. options.Select(CardAction.ImBack)]) : null,
    }));

    [Theory]
    [InlineData("1", "查询到手价")]
    [InlineData(" 2 ", "账单分期")]
    [InlineData("２", "账单分期")]
    [InlineData("3", "3")]
    [InlineData("0", "0")]
    [InlineData("到手价", "到手价")]
    public void Pick_DigitAnswersTheLastRepliesOptions(string text, string expected) =>
        Assert.Equal(expected, WeChatOptionPicker.Pick(text, [Bot(1, "旧"), Bot(2, "查询到手价", "账单分期")]));

    [Fact]
    public void Pick_LastReplyWithoutOptions_LeavesTheDigit() =>
        Assert.Equal("1", WeChatOptionPicker.Pick("1", [Bot(1, "查询到手价"), Bot(2)]));

    [Theory]
    [InlineData("1", true)]
    [InlineData("12", true)]
    [InlineData("123", false)]
    [InlineData("１", true)]
    [InlineData("a", false)]
    public void LooksLikeChoice_OnlyShortAsciiNumbers(string text, bool expected) =>
        Assert.Equal(expected, WeChatOptionPicker.LooksLikeChoice(text));
}
