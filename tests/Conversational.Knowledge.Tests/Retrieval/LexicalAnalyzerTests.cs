using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class LexicalAnalyzerTests
{
    [Fact]
    public void Terms_ChineseRun_AreItsCharactersAndNeighbouringPairs()
    {
        Assert.Equal(["信", "信用", "用", "用卡", "卡"], LexicalAnalyzer.Terms("信用卡"));
    }

    [Fact]
    public void Terms_Words_AreLowerCasedAndCutToTheirStem()
    {
        Assert.Equal(["my", "card", "refund", "arrive"], LexicalAnalyzer.Terms("My CARD refunded arrived"));
    }

    [Fact]
    public void DistinctTerms_KeepEachTermOnceInTheOrderItFirstOccurs()
    {
        Assert.Equal(["卡", "my", "card", "信", "信用", "用", "用卡"], LexicalAnalyzer.DistinctTerms("卡 my card, my 信用卡"));
    }

    [Fact]
    public void Terms_FullWidthAndTraditionalText_AreNormalizedFirst()
    {
        Assert.Equal(LexicalAnalyzer.Terms("账单分期 abc"), LexicalAnalyzer.Terms("帳單分期 ＡＢＣ"));
    }

    [Theory]
    [InlineData("+-&&||!(){}[]^\"~*?:\\/")]
    [InlineData("'; DROP TABLE knowledge_vectors; --")]
    [InlineData("😀🎉👨‍👩‍👧")]
    [InlineData("")]
    public void Terms_PunctuationOperatorsAndEmoji_AreDroppedLeavingOnlyLettersAndDigits(string text)
    {
        var terms = LexicalAnalyzer.Terms(text);

        Assert.DoesNotContain(terms, term => term.Any(c => !char.IsLetterOrDigit(c)));
    }
}
