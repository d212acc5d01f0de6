using Conversational.Host.Channels.WeChat.Protocol;

namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

public sealed class WeChatMessageTests
{
    private static Dictionary<string, string> Text() => new()
    {
        ["ToUserName"] = "gh_1",
        ["FromUserName"] = "openid-1",
        ["CreateTime"] = "1348831860",
        ["MsgType"] = "text",
        ["Content"] = "你好",
        ["MsgId"] = "1234567890123456",
    };

    [Fact]
    public void From_TextMessage_KeepsItsFields_AndDedupesByMsgId()
    {
        var message = WeChatMessage.From(Text());

        Assert.Equal("openid-1", message.FromUserName);
        Assert.Equal(1348831860, message.CreateTime);
        Assert.Equal("你好", message.Content);
        Assert.Equal("wechat:1234567890123456", message.DedupeKey);
    }

    [Fact]
    public void From_Event_DedupesBySenderAndCreateTime()
    {
        var fields = Text();
        fields.Remove("MsgId");
        fields.Remove("Content");
        fields["MsgType"] = "event";
        fields["Event"] = "subscribe";

        var first = WeChatMessage.From(fields);
        fields["CreateTime"] = "1348831861";
        var later = WeChatMessage.From(fields);

        Assert.Equal("wechat:openid-1:1348831860:subscribe", first.DedupeKey);
        Assert.NotEqual(first.DedupeKey, later.DedupeKey);
    }

    [Theory]
    [InlineData("ToUserName")]
    [InlineData("FromUserName")]
    [InlineData("CreateTime")]
    [InlineData("MsgType")]
    [InlineData("Content")]
    public void From_MissingField_IsAProtocolErrorNamingIt(string field)
    {
        var fields = Text();
        fields.Remove(field);

        var error = Assert.Throws<WeChatProtocolException>(() => WeChatMessage.From(fields));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CreateTime", "yesterday")]
    [InlineData("MsgId", "-1")]
    [InlineData("MsgId", "99999999999999999999")]
    public void From_MalformedNumber_IsAProtocolError(string field, string value)
    {
        var fields = Text();
        fields[field] = value;

        Assert.Throws<WeChatProtocolException>(() => WeChatMessage.From(fields));
    }
}
