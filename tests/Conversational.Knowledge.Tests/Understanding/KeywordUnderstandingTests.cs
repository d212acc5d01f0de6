using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Tests.Understanding;

public sealed class KeywordUnderstandingTests
{
    private readonly KeywordUnderstanding _understanding = new();

    [Theory]
    [InlineData("你好", Intents.Greeting)]
    [InlineData("在吗？", Intents.Greeting)]
    [InlineData("Hi there", Intents.Greeting)]
    [InlineData("ＨＥＬＬＯ", Intents.Greeting)]
    [InlineData("帮助", Intents.Help)]
    [InlineData("what can you do?", Intents.Help)]
    [InlineData("这双鞋到手多少钱", Intents.PriceAfterCoupons)]
    [InlineData("有什么优惠券可以用", Intents.PriceAfterCoupons)]
    [InlineData("How much is it after coupons?", Intents.PriceAfterCoupons)]
    [InlineData("这期账单能分12期吗", Intents.BillInstallment)]
    [InlineData("Can I pay my bill in installments?", Intents.BillInstallment)]
    [InlineData("发错货了我要换货", Intents.ReturnExchange)]
    [InlineData("我的退款进度怎么样了", Intents.ReturnStatus)]
    [InlineData("where is my refund", Intents.ReturnStatus)]
    [InlineData("转人工", Intents.TransferToHuman)]
    [InlineData("轉人工", Intents.TransferToHuman)]
    [InlineData("帳單分期", Intents.BillInstallment)]
    [InlineData("我要退貨", Intents.ReturnExchange)]
    [InlineData("我要找真人客服", Intents.TransferToHuman)]
    [InlineData("let me talk to an agent", Intents.TransferToHuman)]
    [InlineData("谢谢，再见", Intents.ThanksBye)]
    [InlineData("今天天气怎么样", Intents.OutOfScope)]
    [InlineData("this is nice", Intents.OutOfScope)]
    [InlineData("123456", Intents.OutOfScope)]
    public async Task Understand_MapsCustomerWordsToTheIntent(string text, string intent)
    {
        var result = await _understanding.UnderstandAsync(text, default);

        Assert.Equal(intent, result.Intent);
        Assert.Equal(intent == Intents.OutOfScope ? 0.0 : 1.0, result.Confidence);
    }

    [Theory]
    [InlineData("你好", TextLanguage.Chinese)]
    [InlineData("help me 分期", TextLanguage.Chinese)]
    [InlineData("hello", TextLanguage.English)]
    [InlineData("12345 ?!", null)]
    public void Detect_TellsChineseFromEnglishByScript(string text, string? language) =>
        Assert.Equal(language, TextLanguage.Detect(text));
}
