using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Tests.Dialogs;

public sealed class DialogAnswersTests
{
    [Theory]
    [InlineData("确认")]
    [InlineData("好的，确认办理")]
    [InlineData("是的")]
    [InlineData("Yes please")]
    [InlineData("OK")]
    [InlineData("go ahead")]
    [InlineData("確認")]
    public void A_plain_yes_is_yes(string text) => Assert.True(DialogAnswers.IsYes(text));

    [Theory]
    [InlineData("是不是要手续费")]
    [InlineData("好用吗")]
    [InlineData("确认之后还能改期数吗？")]
    [InlineData("不用了")]
    [InlineData("no")]
    [InlineData("12期")]
    public void A_question_or_a_no_is_not_yes(string text) => Assert.False(DialogAnswers.IsYes(text));

    [Theory]
    [InlineData("2", 1)]
    [InlineData("12期", 1)]
    [InlineData("6期", 0)]
    [InlineData("我选24期", 2)]
    [InlineData("36期", null)]
    [InlineData("期", null)]
    [InlineData("第二个", 1)]
    [InlineData("第3个", 2)]
    [InlineData("第一项", 0)]
    [InlineData("第四个", null)]
    [InlineData("the second one", 1)]
    [InlineData("Third", 2)]
    [InlineData("1st", 0)]
    public void Picking_an_option_by_number_title_or_part(string text, int? expected) =>
        Assert.Equal(expected, DialogAnswers.Pick(text, ["6期", "12期", "24期"]));

    [Theory]
    [InlineData("算了")]
    [InlineData("取消吧")]
    [InlineData("Cancel")]
    [InlineData("never mind!")]
    public void Cancel_words_cancel(string text) => Assert.True(DialogCommands.IsCancel(text));

    [Theory]
    [InlineData("取消订单之后多久退款")]
    [InlineData("cancellation policy for my order please")]
    public void A_sentence_that_mentions_cancelling_does_not_cancel(string text) => Assert.False(DialogCommands.IsCancel(text));
}
