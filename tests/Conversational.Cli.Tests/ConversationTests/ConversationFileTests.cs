using Conversational.Cli.Commands;
using Conversational.Cli.ConversationTests;
using Conversational.Testing;

namespace Conversational.Cli.Tests.ConversationTests;

/// <summary>Every conversation test file in <c>tests/conversations</c> is one test case of the suite.</summary>
public sealed class ConversationFileTests
{
    private static readonly string Directory = Path.Combine(RepositoryPaths.Root(), "tests", "conversations");

    public static TheoryData<string> Files() =>
        [.. TestCommand.Files(new DirectoryInfo(Directory)).Select(f => Path.GetRelativePath(Directory, f.FullName))];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_goes_as_the_file_says(string file)
    {
        var script = ConversationScriptParser.Parse(file, await File.ReadAllTextAsync(Path.Combine(Directory, file)));

        var result = await ConversationTestRunner.RunAsync(script, CancellationToken.None);

        Assert.True(result.Passed, string.Join("\n", [.. result.Failures, "", .. result.Transcript]));
    }
}
