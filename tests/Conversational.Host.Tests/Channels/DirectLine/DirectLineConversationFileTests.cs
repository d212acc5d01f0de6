using Conversational.Host.Channels.DirectLine;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>Every conversation test file in <c>tests/conversations</c>, through Direct Line: the bot behaves the same on it.</summary>
public sealed class DirectLineConversationFileTests
{
    public static TheoryData<string> Files() => ConversationFileRun.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public Task Conversation_goes_as_the_file_says_over_Direct_Line(string file) =>
        ConversationFileRun.AssertPassesAsync(file, DirectLineActivityMapper.ChannelId, _ => DirectLineApi.Settings(),
            run => new DirectLineScriptChannel(new DirectLineApi(run.Host.CreateClient())));
}
