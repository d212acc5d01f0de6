using System.Net;

namespace Conversational.Host.Tests.Channels.WeChat;

public sealed class WeChatChannelSettingsTests
{
    [Fact]
    public async Task Default_ChannelIsOff_AndItsPathIsNotServed()
    {
        await using var factory = new ConversationalFactory();

        using var response = await factory.CreateClient().PostAsync(new Uri("/wechat", UriKind.Relative), new StringContent("<xml/>"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("WeChat:Token", null, "WeChat:Token is required")]
    [InlineData("WeChat:Token", "no spaces allowed", "Token")]
    [InlineData("WeChat:AppSecret", null, "WeChat:AppId and WeChat:AppSecret are required")]
    [InlineData("WeChat:EncodingAesKey", "tooShort", "WeChat:EncodingAesKey must be the 43 characters")]
    [InlineData("WeChat:PassiveReplyBudget", "00:00:06", "PassiveReplyBudget")]
    public async Task Enabled_WithABadSetting_StopsTheHostNamingIt(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:Enabled"] = "true",
            ["WeChat:Token"] = WeChatTestHost.Token,
            ["WeChat:AppId"] = WeChatTestHost.AppId,
            ["WeChat:AppSecret"] = WeChatTestHost.AppSecret,
            [key] = value,
        };
        var error = await ConversationalFactory.StartupFailureAsync(settings);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
