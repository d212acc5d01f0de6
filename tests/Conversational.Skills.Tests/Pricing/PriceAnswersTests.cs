using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Conversational.Skills.Pricing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>How a price message is read before anything is looked up: SKUs, quantities, sizes, cues; and nothing throws.</summary>
public sealed class PriceAnswersTests
{
    private static readonly EntityExtractor Entities = new();

    [Theory]
    [InlineData("SH-1003多少钱", "SH-1003", null, null)]
    [InlineData("sh1003", "SH-1003", null, null)]
    [InlineData("ＳＨ－１００３", "SH-1003", null, null)]
    [InlineData("SH 1003 42码 2双", "SH-1003", 2, "42")]
    [InlineData("买两件XL的呢", null, 2, "XL")]
    [InlineData("再加一件AP-2003", "AP-2003", 1, null)]
    [InlineData("SH-1003 x3", "SH-1003", 3, null)]
    [InlineData("SH-1003×12", "SH-1003", 12, null)]
    [InlineData("three pairs of SH-1003", "SH-1003", 3, null)]
    [InlineData("2 pairs, size 42", null, 2, "42")]
    [InlineData("qty: 4", null, 4, null)]
    [InlineData("一百件", null, 100, null)]
    [InlineData("第二个", null, null, null)]
    [InlineData("双十一的价格", null, null, null)]
    [InlineData("SH-10031", null, null, null)]
    public void Read_FindsTheSkuQuantityAndSize(string text, string? sku, int? quantity, string? size)
    {
        var message = PriceAnswers.Read(Turn(text));

        Assert.Equal(sku, message.Clauses.Select(c => c.Sku).FirstOrDefault(s => s is not null));
        Assert.Equal(quantity, message.Clauses.Select(c => c.Quantity).FirstOrDefault(q => q is not null));
        Assert.Equal(size, message.Clauses.Select(c => c.Size).FirstOrDefault(s => s is not null));
    }

    [Fact]
    public void Read_CutsAtSeparatorsAndBeforeEachSku_KeepingEachItemsQuantityAndSize()
    {
        var message = PriceAnswers.Read(Turn("2双SH-1003 42码 AP-2003 XL，还有卫衣"));

        Assert.Equal(
            [("SH-1003", 2, "42"), ("AP-2003", null, "XL"), (null, null, null)],
            message.Clauses.Select(c => (c.Sku, c.Quantity, c.Size)));
        Assert.Equal("卫衣", message.Clauses[^1].Text.Trim());
    }

    [Theory]
    [InlineData("再加一件AP-2003", true, false)]
    [InlineData("add SH-1001 x2", true, false)]
    [InlineData("还要一双", true, false)]
    [InlineData("买两件XL的呢", false, false)]
    [InlineData("去掉AP-2003", false, true)]
    [InlineData("remove the hoodie", false, true)]
    public void Read_TellsAddingAndRemovingApart(string text, bool adds, bool removes)
    {
        var message = PriceAnswers.Read(Turn(text));

        Assert.Equal((adds, removes), (message.Adds, message.Removes));
    }

    [Theory]
    [InlineData("能叠加吗", "Stacking")]
    [InlineData("哪些券能一起用", "Stacking")]
    [InlineData("coupons stack?", "Stacking")]
    [InlineData("优惠券怎么领", "GettingCoupons")]
    [InlineData("how do I get coupons?", "GettingCoupons")]
    [InlineData("活动什么时候结束", "Validity")]
    [InlineData("有哪些尺码", "Sizes")]
    [InlineData("what sizes are there", "Sizes")]
    [InlineData("是什么材质的", "Material")]
    [InlineData("用哪些券", null)]
    [InlineData("haystack", null)]
    public void Read_FindsTheQuestionAsked(string text, string? question)
    {
        Assert.Equal(question, PriceAnswers.Read(Turn(text)).Question?.ToString());
    }

    [Theory]
    [InlineData("用哪些券", true)]
    [InlineData("Which coupons?", true)]
    [InlineData("哪些券能叠加", false)]
    [InlineData("优惠券怎么领", false)]
    public void Read_AskingWhichCoupons_IsNotAQuestionInTheMiddle(string text, bool asks)
    {
        Assert.Equal(asks, PriceAnswers.Read(Turn(text)).AsksWhichCoupons);
    }

    [Theory]
    [InlineData("SH-1003", true)]
    [InlineData("SH-1003 x2", true)]
    [InlineData("XL", true)]
    [InlineData("2", true)]
    [InlineData("SH-1003 please", false)]
    [InlineData("SH-1003多少钱", false)]
    public void Read_ASkuSizeOrQuantityAlone_KeepsTheLanguage(string text, bool keeps)
    {
        Assert.Equal(keeps, PriceAnswers.Read(Turn(text)).KeepsLanguage);
    }

    [Theory]
    [InlineData("小米手机多少钱", true)]
    [InlineData("how much is the iphone", true)]
    [InlineData("这双鞋到手多少钱", false)]
    [InlineData("帮我算一下用券以后多少钱", false)]
    [InlineData("how much is this pair of shoes after coupons", false)]
    public void Read_SaysWhetherAnyWordNamesAProduct(string text, bool names)
    {
        Assert.Equal(names, PriceAnswers.Read(Turn(text)).Clauses.Any(c => c.NamesSomething));
    }

    [Fact]
    public void Read_ATooLargeQuantity_IsLeftOutAndSaid()
    {
        var message = PriceAnswers.Read(Turn("SH-1003 x10000"));

        Assert.True(message.TooMany);
        Assert.Null(Assert.Single(message.Clauses).Quantity);
    }

    [Fact]
    public void Read_AnyText_NeverThrows()
    {
        var random = new Random(20261123);
        const string alphabet = "SHAP-0123456789xX×*件双码两三十百千万和、，,+ and add 去掉加 XL42码？吗呢的 \u200d\u0000😀𠀀";
        for (var i = 0; i < 3000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var message = PriceAnswers.Read(Turn(text));

            Assert.All(message.Clauses, c => Assert.True(c.Quantity is null or >= 1 and <= CartLine.MaxQuantity));
        }
    }

    private static SkillTurn Turn(string text) => new()
    {
        TurnId = "m-1",
        ConversationId = "conv-1",
        CustomerId = "c1003",
        CustomerVerified = true,
        Language = TextLanguage.Detect(text) ?? TextLanguage.Chinese,
        Text = text,
        NormalizedText = TextNormalizer.Normalize(text),
        Understanding = new Understanding(Intents.PriceAfterCoupons, 1, null),
        Entities = Entities.Extract(text, new DateOnly(2026, 11, 23)),
        Now = DemoCatalogDatabase.DemoMorning,
    };
}
