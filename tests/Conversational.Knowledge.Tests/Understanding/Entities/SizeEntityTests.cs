using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

public sealed class SizeEntityTests
{
    [Theory]
    [InlineData("42码有货吗", "42")]
    [InlineData("换成43码", "43")]
    [InlineData("尺码是38.5", "38.5")]
    [InlineData("M号偏小吗", "M")]
    [InlineData("要XL的", "XL")]
    [InlineData("ｘｌ码", "XL")]
    [InlineData("2xl码", "2XL")]
    [InlineData("L号", "L")]
    public void Extract_ChineseSizes_AreTheLabel(string text, string label) =>
        Assert.Equal(new ProductSize(label), Extracting.Single<ProductSize>(text));

    [Theory]
    [InlineData("do you have size 9?", "9")]
    [InlineData("size 9.5 please", "9.5")]
    [InlineData("size M", "M")]
    [InlineData("I need an XXL", "XXL")]
    public void Extract_EnglishSizes_AreTheLabel(string text, string label) =>
        Assert.Equal(new ProductSize(label), Extracting.Single<ProductSize>(text));

    [Theory]
    [InlineData("I'm here")]
    [InlineData("5 m of cable")]
    [InlineData("this is an xlsx file")]
    [InlineData("11号发货")]
    [InlineData("mxl")]
    public void Extract_LettersAndNumbersThatAreNotSizes_AreNotSizes(string text) =>
        Assert.Empty(Extracting.All<ProductSize>(text));
}
