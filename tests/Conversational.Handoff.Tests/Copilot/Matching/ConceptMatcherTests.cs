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
}
