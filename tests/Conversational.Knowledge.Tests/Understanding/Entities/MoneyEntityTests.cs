using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

public sealed class MoneyEntityTests
{
    [Theory]
    [InlineData("这件¥99包邮吗", 99)]
    [InlineData("这件￥９９包邮吗", 99)]
    [InlineData("账单1,299.00元能分期吗", 1299)]
    [InlineData("到手价199.5元", 199.5)]
    [InlineData("额度1.2万", 12000)]
    [InlineData("额度1.2万元", 12000)]
    [InlineData("借3千块", 3000)]
    [InlineData("三千五的账单", 3500)]
    [InlineData("一万二能分几期", 12000)]
    [InlineData("两百块", 200)]
    [InlineData("一块钱", 1)]
    [InlineData("人民币500元", 500)]
    [InlineData("一点五万", 15000)]
    public void Extract_ChineseAmounts_AreYuan(string text, double yuan) =>
        Assert.Equal(new MoneyAmount((decimal)yuan), Extracting.Single<MoneyAmount>(text));

    [Theory]
    [InlineData("the bill is RMB 2,000", 2000)]
    [InlineData("can I split 3500 yuan?", 3500)]
    [InlineData("CNY 88.80 after coupons", 88.8)]
    [InlineData("is it ¥49?", 49)]
    public void Extract_EnglishAmounts_AreYuan(string text, double yuan) =>
        Assert.Equal(new MoneyAmount((decimal)yuan), Extracting.Single<MoneyAmount>(text));

    [Fact]
    public void Extract_Money_ReportsWhereTheAmountIs()
    {
        var entity = Assert.Single(Extracting.From("账单1,299.00元"));

        Assert.Equal(EntityKind.Money, entity.Kind);
        Assert.Equal("1,299.00元", entity.Text);
        Assert.Equal((2, 9), (entity.Start, entity.Length));
    }

    [Theory]
    [InlineData("it costs $100")]
    [InlineData("100美元")]
    [InlineData("$1.2万")]
    [InlineData("1.2万美元")]
    [InlineData("我要三块蛋糕")]
    [InlineData("今天走了1万步")]
    [InlineData("十万火急")]
    [InlineData("千万别发错货")]
    [InlineData("买了3件")]
    [InlineData("5000日元")]
    public void Extract_OtherCurrenciesAndQuantities_AreNotMoney(string text) =>
        Assert.Empty(Extracting.All<MoneyAmount>(text));
}
