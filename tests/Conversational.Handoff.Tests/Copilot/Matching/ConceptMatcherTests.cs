using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Matching;

public sealed class ConceptMatcherTests
{
    [Theory]
    [InlineData("分期成功后，期数不能修改！", "分期成功后期数不能修改")]
    [InlineData("Can't  be\tchanged.", "cantbechanged")]
    [InlineData("ＡＢＣ　１２３", "abc123")]
    [InlineData("帳單分期", "账单分期")]
    [InlineData("剩余本金的３％", "剩余本金的3%")]
    [InlineData("{periods}期", "periods期")]
    public void Normalize_FoldsWidthCaseScriptAndDropsSpacesAndPunctuation_ButKeepsThePercentSign(string text, string normalized) =>
        Assert.Equal(normalized, ConceptMatcher.Normalize(text));

    [Fact]
    public void Covers_NeedsEveryGroup_AnyAlternativeOfEach()
    {
        IReadOnlyList<IReadOnlyList<string>> concepts = [["白金"], ["升级", "升卡"]];

        Assert.True(ConceptMatcher.Covers(concepts, "您的金卡可以升卡为白金卡"));
        Assert.False(ConceptMatcher.Covers(concepts, "白金卡有机场贵宾厅"));
    }

    [Fact]
    public void Covers_NormalizesTheAlternativesToo() =>
        Assert.True(ConceptMatcher.Covers([["Can't be changed"]], "After that it CAN'T BE CHANGED."));

    [Fact]
    public void Covers_WithNoGroups_RecognizesNothing() => Assert.False(ConceptMatcher.Covers([], "anything at all"));

    [Theory]
    [InlineData("分期金额不占用您的额度")]
    [InlineData("这笔分期不会占用额度的")]
    [InlineData("额度这块并没有扣减")]
    public void Covers_ChineseNegatedJustBefore_DoesNotCount(string said) =>
        Assert.False(ConceptMatcher.Covers([["额度"], ["占用", "扣减"]], said));

    [Theory]
    [InlineData("分期金额会全额占用您的额度")]
    [InlineData("不过要提醒您，分期会占用额度")]
    [InlineData("额度不是问题，但分期会占用额度")]
    public void Covers_ChineseAffirmed_CountsEvenWithANegationElsewhere(string said) =>
        Assert.True(ConceptMatcher.Covers([["额度"], ["占用", "扣减"]], said));

    [Fact]
    public void Covers_AnAlternativeThatIsItselfANegation_StillCounts() =>
        Assert.True(ConceptMatcher.Covers([["期数"], ["不能修改"]], "分期成功后期数就不能修改了"));
}
