using Conversational.Host.Channels.WeChat;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>
/// Every conversation test file in <c>tests/conversations</c>, through the WeChat channel in safe mode, the script's
/// customer bound to the follower: the bot behaves the same on it.
/// </summary>
public sealed class WeChatConversationFileTests
{
    public static TheoryData<string> Files() => ConversationFileRun.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_goes_as_the_file_says_over_WeChat(string file)
    {
        await using var api = await FakeWeChatApi.StartAsync();
        await ConversationFileRun.AssertPassesAsync(file, WeChatConversations.Channel,
            // A 公众号 speaks one language: the account is set up in the script's.
            script => new Dictionary<string, string?>(WeChatTestHost.ChannelSettings(api, safeMode: true)) { ["Bot:DefaultLocale"] = script.Locale },
            run => new WeChatScriptChannel(
                new WeChatServer(run.Host.CreateClient(), WeChatTestHost.Token, WeChatTestHost.EncodingAesKey, WeChatTestHost.AppId),
                api, run.Host.CreateClient(), run.Host.Services, run.Clock));
    }
}
