using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十四", 24)]
    [InlineData("一百零五", 105)]
    [InlineData("两百", 200)]
    [InlineData("一千零一", 1001)]
    [InlineData("三万五千", 35000)]
    [InlineData("十万", 100000)]
    [InlineData("一亿两千万", 120000000)]
    [InlineData("五千万零三", 50000003)]
    public void TryParse_RegularNumerals_ReadsTheValue(string text, double expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("三千五", 3500)]
    [InlineData("一万二", 12000)]
    [InlineData("两百五", 250)]
    [InlineData("一千二", 1200)]
    public void TryParse_SpokenShortForms_GiveTheLastDigitTheNextSmallerUnit(string text, double expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("一点五万", 15000)]
    [InlineData("三点五", 3.5)]
    [InlineData("一点二五", 1.25)]
    [InlineData("壹仟贰佰", 1200)]
    [InlineData("叁拾", 30)]
    [InlineData("二零二六", 2026)]
    [InlineData("一一", 11)]
    public void TryParse_DecimalsCapitalsAndDigitByDigit_ReadTheValue(string text, double expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("千万")]
    [InlineData("万一")]
    [InlineData("百")]
    [InlineData("三四千")]
    [InlineData("五百三千")]
    [InlineData("点五")]
    [InlineData("三点")]
    [InlineData("十块")]
    public void TryParse_WordsThatAreNotNumbers_Fail(string text) =>
        Assert.False(ChineseNumerals.TryParse(text, out _));
}
