using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class ExampleFileTests
{
    [Fact]
    public void Csv_QuotedFieldsWithCommasQuotesAndLineBreaks_AreReadWhole()
    {
        var examples = ExampleFile.Parse("text,label\n\"a, b\",x\n\"say \"\"hi\"\"\",y\n\"two\nlines\",z\nplain,x\n", csv: true, "t.csv");

        Assert.Equal(
            [new("a, b", "x"), new("say \"hi\"", "y"), new("two\nlines", "z"), new("plain", "x")],
            examples);
    }

    [Fact]
    public void Csv_WithByteOrderMarkCrLfAndColumnsInAnyOrder_IsRead()
    {
        var examples = ExampleFile.Parse("\uFEFFid,label,text\r\n1,退货,我要退货\r\n2,分期,能分12期吗\r\n", csv: true, "t.csv");

        Assert.Equal([new("我要退货", "退货"), new("能分12期吗", "分期")], examples);
    }

    [Fact]
    public void Tsv_WithCategoryHeader_ReadsTheCategoryAsLabel()
    {
        var examples = ExampleFile.Parse("text\tcategory\n打开熊猫看书\tapp\n\"quoted\" stays\tchat\n", csv: false, "t.tsv");

        Assert.Equal([new("打开熊猫看书", "app"), new("\"quoted\" stays", "chat")], examples);
    }

    [Fact]
    public void Read_ChoosesCsvOrTsvByExtension()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var csv = Path.Combine(directory.FullName, "a.csv");
            var tsv = Path.Combine(directory.FullName, "a.tsv");
            File.WriteAllText(csv, "text,label\n\"x,y\",l\n");
            File.WriteAllText(tsv, "text\tlabel\nx,y\tl\n");

            Assert.Equal([new("x,y", "l")], ExampleFile.Read(csv));
            Assert.Equal([new("x,y", "l")], ExampleFile.Read(tsv));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("sentence,label\nhi,x\n", "t.csv:1: the header has no text column")]
    [InlineData("text,intent\nhi,x\n", "t.csv:1: the header has no label (or category) column")]
    [InlineData("", "t.csv:1: the file is empty")]
    [InlineData("text,label\nhi,x\nhello,x,extra\n", "t.csv:3: expected 2 fields like the header, found 3")]
    [InlineData("text,label\nhi,x\n\"never closed,x\n", "t.csv:3: a quoted field is never closed")]
    [InlineData("text,label\nhi,x\nsay \"hi\",x\n", "t.csv:3: a quote inside an unquoted field")]
    [InlineData("text,label\nhi,\n", "t.csv:2: the label is empty")]
    public void Csv_Malformed_ThrowsNamingFileAndLine(string content, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ExampleFile.Parse(content, csv: true, "t.csv"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tsv_RowWithTooFewFields_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => ExampleFile.Parse("text\tlabel\na\tx\nno tab\n", csv: false, "t.tsv"));

        Assert.StartsWith("t.tsv:3: expected 2 fields", error.Message, StringComparison.Ordinal);
    }
}
