using System.CommandLine;

namespace Conversational.Cli.Commands;

/// <summary><c>test DIR</c>: run the conversation test files in a directory against the bot.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The directory of conversation test files" };

        var command = new Command("test", "Run conversation test files") { directory };
        command.SetAction(parse => NotYetImplemented.Run("test", "conversation tests", parse.GetRequiredValue(directory)));
        return command;
    }
}
