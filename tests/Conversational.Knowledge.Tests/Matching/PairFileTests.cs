using Conversational.Knowledge.Matching;

namespace Conversational.Knowledge.Tests.Matching;

public sealed class PairFileTests
{
    [Fact]
    public void Parse_Tsv_ReadsTextsAndLabels()
    {
        var pairs = PairFile.Parse("text1\ttext2\tlabel\n花呗怎么还\t花呗如何还款\t1\n借呗\t花呗\t0\n", csv: false, "pairs.tsv");

        Assert.Equal([new QuestionPair("花呗怎么还", "花呗如何还款", true), new QuestionPair("借呗", "花呗", false)], pairs);
    }

    [Fact]
    public void Parse_CsvWithColumnsInAnyOrderAndQuotes_ReadsThem()
    {
        var pairs = PairFile.Parse("label,text2,text1\n0,\"b, with comma\",a\n", csv: true, "pairs.csv");

        Assert.Equal(new QuestionPair("a", "b, with comma", false), Assert.Single(pairs));
    }

    [Fact]
    public void Parse_LabelNotZeroOrOne_NamesFileLineAndValue()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            PairFile.Parse("text1\ttext2\tlabel\na\tb\t1\nc\td\tyes\n", csv: false, "pairs.tsv"));

        Assert.Equal("pairs.tsv:3: the label must be 0 or 1, found \"yes\".", error.Message);
    }

    [Fact]
    public void Parse_HeaderWithoutText2_NamesTheMissingColumn()
    {
        var error = Assert.Throws<InvalidDataException>(() => PairFile.Parse("text1\tlabel\na\t1\n", csv: false, "pairs.tsv"));

        Assert.StartsWith("pairs.tsv:1: the header has no text2 column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowWithTooFewFields_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => PairFile.Parse("text1\ttext2\tlabel\na\t1\n", csv: false, "pairs.tsv"));

        Assert.Equal("pairs.tsv:2: expected 3 fields like the header, found 2.", error.Message);
    }
}
