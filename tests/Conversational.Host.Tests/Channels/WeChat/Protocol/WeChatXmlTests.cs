using Conversational.Host.Channels.WeChat.Protocol;

namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

public sealed class WeChatXmlTests
{
    public const string Xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>
        <MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>
        """;

    public const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [<!ENTITY a "lollollollollollollollollollol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
        <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
        <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>
        <MsgType>text</MsgType><Content>&f;</Content><MsgId>1</MsgId></xml>
        """;

    [Fact]
    public void ReadFields_ReadsCDataAndPlainFields_AndSkipsNestedOnes()
    {
        var fields = WeChatXml.ReadFields("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1348831860</CreateTime>
            <ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo><Content><![CDATA[到手价 <b>&]]></Content></xml>
            """);

        Assert.Equal("gh_1", fields["ToUserName"]);
        Assert.Equal("1348831860", fields["CreateTime"]);
        Assert.Equal("到手价 <b>&", fields["Content"]);
        Assert.False(fields.ContainsKey("ScanCodeInfo"));
        Assert.False(fields.ContainsKey("ScanType"));
    }

    [Theory]
    [InlineData(Xxe)]
    [InlineData(BillionLaughs)]
    public void ReadFields_AnyDtd_IsRefusedBeforeEntitiesExpand(string xml)
    {
        var error = Assert.Throws<WeChatProtocolException>(() => WeChatXml.ReadFields(xml));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<xml><a>1</a>")]
    [InlineData("<root><a>1</a></root>")]
    [InlineData("{\"json\":true}")]
    public void ReadFields_NotWeChatXml_IsAProtocolError(string body) => Assert.Throws<WeChatProtocolException>(() => WeChatXml.ReadFields(body));

    [Fact]
    public void TextReply_SwapsToAndFrom_AndSurvivesCDataTerminatorsInContent()
    {
        var message = new WeChatMessage { ToUserName = "gh_1", FromUserName = "openid-1", CreateTime = 1, MsgType = "text", Content = "x" };

        var reply = WeChatXml.ReadFields(WeChatReplies.Text(message, 1700000000, "a ]]> b <c> 分期"));

        Assert.Equal("openid-1", reply["ToUserName"]);
        Assert.Equal("gh_1", reply["FromUserName"]);
        Assert.Equal("1700000000", reply["CreateTime"]);
        Assert.Equal("text", reply["MsgType"]);
        Assert.Equal("a ]]> b <c> 分期", reply["Content"]);
    }

    [Fact]
    public void TransferReply_HasOnlyTheTransferType()
    {
        var message = new WeChatMessage { ToUserName = "gh_1", FromUserName = "openid-1", CreateTime = 1, MsgType = "text", Content = "x" };

        var reply = WeChatXml.ReadFields(WeChatReplies.TransferCustomerService(message, 5));

        Assert.Equal("transfer_customer_service", reply["MsgType"]);
        Assert.False(reply.ContainsKey("Content"));
    }

    [Fact]
    public void EncryptedReply_IsSignedOverItsOwnTimestampNonceAndCiphertext()
    {
        var reply = WeChatXml.ReadFields(WeChatReplies.Encrypted("Y2lwaGVy", "token1", "1700000000", "42"));

        Assert.Equal("Y2lwaGVy", reply["Encrypt"]);
        Assert.Equal(WeChatSignature.Compute("token1", "1700000000", "42", "Y2lwaGVy"), reply["MsgSignature"]);
        Assert.Equal("1700000000", reply["TimeStamp"]);
        Assert.Equal("42", reply["Nonce"]);
    }
}
