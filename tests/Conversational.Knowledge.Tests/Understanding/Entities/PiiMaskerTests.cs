using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

public sealed class PiiMaskerTests
{
    [Theory]
    [InlineData("我的手机13812345678", "我的手机138****5678")]
    [InlineData("call +86 138 1234 5678 please", "call +86 138 **** 5678 please")]
    [InlineData("+8613912345678", "+86139****5678")]
    [InlineData("手机１３８１２３４５６７８", "手机１３８****５６７８")]
    public void Mask_MobileNumbers_KeepFirstThreeAndLastFour(string text, string expected) =>
        Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("卡号6222021234567890123", "卡号***************0123")]
    [InlineData("card 4111 1111 1111 1234", "card **** **** **** 1234")]
    [InlineData("6222-0212-3456-7890", "****-****-****-7890")]
    [InlineData("4111111111111", "*********1111")]
    public void Mask_CardNumbers_KeepOnlyTheLastFour(string text, string expected) =>
        Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("身份证110101199003071234", "身份证**************1234")]
    [InlineData("ID 11010119900307123X", "ID **************123X")]
    [InlineData("身份证号：11010119900307123x。", "身份证号：**************123x。")]
    public void Mask_ChineseIdNumbers_KeepOnlyTheLastFour(string text, string expected) =>
        Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("尾号1234的卡账单3500元")]
    [InlineData("订单DD20261111001")]
    [InlineData("2026-11-11 12:30")]
    [InlineData("分12期，每期1,299.00元")]
    [InlineData("订单E20261119003已签收")] // the demo shop's order ids: a letter, the date, a serial
    [InlineData("order E20261110021, line 2")]
    [InlineData("运单SF1423679018532")] // carriers' tracking numbers carry letters too
    [InlineData("JDVA20583916402")]
    [InlineData("退款¥6,000.00，到手价¥1,234.50")]
    [InlineData("签收时间2026-11-21T14:32:00+08:00")]
    [InlineData("2026-11-21 14:32:00")]
    [InlineData("退货单RMA20261115001")]
    [InlineData("")]
    public void Mask_TextWithoutPersonalNumbers_IsUnchanged(string text) =>
        Assert.Equal(text, PiiMasker.Mask(text));
}
