using Microsoft.AspNetCore.Builder;

namespace Conversational.Host.Tests.Channels.App;

/// <summary>Every conversation test file in <c>tests/conversations</c>, through the app API: the bot behaves the same on it.</summary>
public sealed class AppApiConversationFileTests
{
    private const string SessionApiKey = "merchant-backend-key-for-conversation-files";

    public static TheoryData<string> Files() => ConversationFileRun.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public Task Conversation_goes_as_the_file_says_over_the_app_API(string file) =>
        ConversationFileRun.AssertPassesAsync(file, AppChannelEndpoints.Channel,
            _ => new Dictionary<string, string?> { ["AppChannel:SessionApiKeys:0"] = SessionApiKey },
            run => new AppApiScriptChannel(run.Host.CreateClient(), SessionApiKey));
}
