using System.Text.RegularExpressions;
using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

/// <summary>Order numbers, card last-4 and phone numbers: all digits, so each must not be read as another.</summary>
public sealed class IdentifierEntityTests
{
    [Theory]
    [InlineData("订单号DD20261111001到哪了", "DD20261111001")]
    [InlineData("订单 ｄｄ２０２６１１１１００１", "DD20261111001")]
    [InlineData("订单20261111000123456", "20261111000123456")]
    [InlineData("where is order JD1234567890", "JD1234567890")]
    public void Extract_OrderNumbers_AreUpperCased(string text, string number) =>
        Assert.Equal(new OrderNumber(number), Extracting.Single<OrderNumber>(text));

    [Theory]
    [InlineData("尾号1234的卡", "1234")]
    [InlineData("卡号后四位1234", "1234")]
    [InlineData("后4位是5678", "5678")]
    [InlineData("尾號1234", "1234")]
    [InlineData("my card ending in 1234", "1234")]
    [InlineData("the last four digits are 9876", "9876")]
    public void Extract_CardLastFour_IsTheFourDigits(string text, string digits) =>
        Assert.Equal(new CardLastFour(digits), Extracting.Single<CardLastFour>(text));

    [Theory]
    [InlineData("我的手机13812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+86-13912345678", "13912345678")]
    [InlineData("call me on 159-1234-5678", "15912345678")]
    [InlineData("手机１３８１２３４５６７８", "13812345678")]
    public void Extract_MainlandMobiles_AreElevenDigits(string text, string digits) =>
        Assert.Equal(new PhoneNumber(digits), Extracting.Single<PhoneNumber>(text));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("尾号1234")]
    [InlineData("12345")]
    [InlineData("order123456789")]
    public void Extract_PhonesCardDigitsAndShortNumbers_AreNotOrderNumbers(string text) =>
        Assert.Empty(Extracting.All<OrderNumber>(text));

    [Theory]
    [InlineData("12812345678")]
    [InlineData("138123456789")]
    [InlineData("DD13812345678")]
    public void Extract_NumbersThatOnlyLookLikeMobiles_AreNotPhoneNumbers(string text) =>
        Assert.Empty(Extracting.All<PhoneNumber>(text));

    [Fact]
    public void Extract_WithTheMerchantsOrderPattern_FindsItsOrderNumbers()
    {
        var extractor = new EntityExtractor(new Regex("(?<![a-z0-9])so-[0-9]{6}(?![0-9])", RegexOptions.IgnoreCase));

        var entity = Assert.Single(extractor.Extract("SO-123456 还没到", Extracting.Today));

        Assert.Equal(new OrderNumber("SO-123456"), entity.Value);
    }
}
