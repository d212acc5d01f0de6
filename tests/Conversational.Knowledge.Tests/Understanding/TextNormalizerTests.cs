using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Tests.Understanding;

public sealed class TextNormalizerTests
{
    [Fact]
    public void ConvertsTraditionalChinese_OnLinuxWithIcu_IsTrue() =>
        Assert.True(TextNormalizer.ConvertsTraditionalChinese, "the system libicu (Hant-Hans) should load on our Linux images");

    [Theory]
    [InlineData("這雙鞋到手價多少", "这双鞋到手价多少")]
    [InlineData("帳單分期", "账单分期")]
    [InlineData("退貨", "退货")]
    [InlineData("我們要轉人工", "我们要转人工")]
    [InlineData("我要投訴你們", "我要投诉你们")]
    [InlineData("這個月的帳單能分十二期嗎？", "这个月的账单能分十二期吗?")]
    public void Normalize_TraditionalChinese_BecomesSimplified(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("这双鞋到手价多少")]
    [InlineData("我的账单能分期吗")]
    [InlineData("请帮我查一下退货进度")]
    [InlineData("著名品牌的后台")]
    public void Normalize_SimplifiedChinese_StaysAsItIs(string text) =>
        Assert.Equal(text, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("ＡＢＣ１２", "abc12")]
    [InlineData("订单ＤＤ２０２６１１１１００１", "订单dd20261111001")]
    [InlineData("多少钱？！", "多少钱?!")]
    [InlineData("（测试），：；", "(测试),:;")]
    [InlineData("￥１，２９９．００", "¥1,299.00")]
    [InlineData("HELLO World", "hello world")]
    public void Normalize_FullWidthAndCapitals_FoldToHalfWidthLowerCase(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("  你好 \t\t 在吗  ", "你好 在吗")]
    [InlineData("line one\r\nline two\n\nthree", "line one line two three")]
    [InlineData("全角\u3000空格", "全角 空格")]
    [InlineData("不\u00A0换行", "不 换行")]
    public void Normalize_WhitespaceAndLineBreaks_CollapseToSingleSpaces(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("转\u200B人\u200C工", "转人工")]
    [InlineData("\uFEFF退款", "退款")]
    [InlineData("a\u0000b\u0007c\u001Bd", "abcd")]
    [InlineData("\u202E退货\u202C", "退货")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    public void Normalize_ControlAndZeroWidthCharacters_AreRemoved(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_UnpairedSurrogate_IsDroppedInsteadOfThrowing() =>
        Assert.Equal("brokenpair", TextNormalizer.Normalize(new string(['b', 'r', 'o', 'k', 'e', 'n', '\uD800', 'p', 'a', 'i', 'r'])));

    [Theory]
    [InlineData("帳篷和蚊帳", "帐篷和蚊帐")]
    [InlineData("帳戶轉帳到帳了嗎", "账户转账到账了吗")]
    [InlineData("帐单分期", "账单分期")]
    public void Normalize_AccountCharacter_IsAccountsExceptForTentsAndNets(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("太好了😀👍")]
    [InlineData("家庭👨\u200D👩\u200D👧套餐")]
    [InlineData("❤\uFE0F谢谢")]
    [InlineData("点赞👍🏽")]
    public void Normalize_Emoji_AreKept(string text) =>
        Assert.Equal(text, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\n\t")]
    public void Normalize_EmptyOrInvisibleText_BecomesEmpty(string text) =>
        Assert.Equal("", TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("帳單  分期　ＡＢＣ\u200B！")]
    [InlineData("Hello, 這雙鞋 XL 號 ¥1,299.00")]
    [InlineData("家庭👨\u200D👩\u200D👧套餐")]
    public void Normalize_AppliedTwice_ChangesNothingMore(string text)
    {
        var once = TextNormalizer.Normalize(text);

        Assert.Equal(once, TextNormalizer.Normalize(once));
    }

    [Fact]
    public void Normalize_TenThousandCharacters_KeepsEveryCharacterAndConverts()
    {
        var text = string.Concat(Enumerable.Repeat("帳單分期ＡＢ ", 1250));

        var normalized = TextNormalizer.Normalize(text);

        Assert.Equal(string.Concat(Enumerable.Repeat("账单分期ab ", 1250)).TrimEnd(), normalized);
    }

    [Fact]
    public void Normalize_FromManyThreadsAtOnce_GivesTheSameAnswer()
    {
        var results = new string[64];

        Parallel.For(0, results.Length, i => results[i] = TextNormalizer.Normalize($"這雙鞋到手價多少{i}"));

        Assert.All(results.Select((result, i) => (result, i)), pair => Assert.Equal($"这双鞋到手价多少{pair.i}", pair.result));
    }
}
