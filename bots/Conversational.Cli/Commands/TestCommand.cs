using System.CommandLine;
using Conversational.Cli.ConversationTests;

namespace Conversational.Cli.Commands;

/// <summary><c>test DIR</c>: run the conversation test files in a directory (and below) against the bot.</summary>
internal static class TestCommand
{
    public const int FailedExitCode = 1;

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The directory of conversation test files (*.yaml)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print every conversation, not only the failing ones" };

        var command = new Command("test", "Run conversation test files") { directory, verbose };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetRequiredValue(directory), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo directory, bool verbose, CancellationToken cancellationToken)
    {
        if (!InputFiles.Exist(directory))
        {
            return InputFiles.MissingExitCode;
        }

        var files = Files(directory);
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no conversation test files (*.yaml, *.yml) in {directory}");
            return FailedExitCode;
        }

        var failed = 0;
        foreach (var (file, index) in files.Select((f, i) => (f, i + 1)))
        {
            var relative = Path.GetRelativePath(directory.FullName, file.FullName);
            ScriptResult result;
            try
            {
                var script = ConversationScriptParser.Parse(relative, await File.ReadAllTextAsync(file.FullName, cancellationToken));
                result = await ConversationTestRunner.RunAsync(script, cancellationToken);
            }
            catch (ConversationScriptException exception)
            {
                failed++;
                Console.WriteLine($"[{index}/{files.Count}] ERROR {exception.Message}");
                continue;
            }

            failed += result.Passed ? 0 : 1;
            Console.WriteLine($"[{index}/{files.Count}] {(result.Passed ? "PASS" : "FAIL")} {relative}: {result.Script.Name}");
            foreach (var failure in result.Failures)
            {
                Console.WriteLine($"    {failure}");
            }

            if (verbose || !result.Passed)
            {
                foreach (var line in result.Transcript)
                {
                    Console.WriteLine($"      {line}");
                }
            }
        }

        Console.WriteLine($"{files.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : FailedExitCode;
    }

    /// <summary>Every test file under the directory, in a stable order.</summary>
    public static IReadOnlyList<FileInfo> Files(DirectoryInfo directory) =>
    [
        .. directory.EnumerateFiles("*.*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".yaml" or ".yml")
            .OrderBy(f => f.FullName, StringComparer.Ordinal),
    ];
}
