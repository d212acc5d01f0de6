namespace Conversational.Cli.Tests.ConversationTests;

/// <summary><c>test DIR</c> as trainers run it: a report per file, a summary, and an exit code scripts can trust.</summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Passing_files_are_reported_and_exit_zero()
    {
        Write("dialogues/greeting.yaml", "steps:\n  - user: 你好\n    intent: greeting\n    contains: 您好\n");

        var result = await _cli.RunAsync("", "test", "dialogues");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[1/1] PASS greeting.yaml", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 0 failed\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_expectation_names_the_line_and_shows_the_conversation()
    {
        Write("dialogues/a.yaml", "steps:\n  - user: 你好\n    intent: greeting\n");
        Write("dialogues/b.yaml", "steps:\n  - user: 你好\n    contains: 再见\n");

        var result = await _cli.RunAsync("", "test", "dialogues");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL b.yaml", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("b.yaml:2: \"你好\": the bot's reply does not contain \"再见\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("bot> 您好！", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_is_an_error_and_the_others_still_run()
    {
        Write("dialogues/a.yaml", "steps:\n  - user: hi\n    intnet: greeting\n");
        Write("dialogues/b.yml", "locale: en\nsteps:\n  - user: hi\n    intent: greeting\n");

        var result = await _cli.RunAsync("", "test", "dialogues");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ERROR a.yaml:3: unknown key 'intnet'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("PASS b.yml", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_without_test_files_fails()
    {
        _cli.Touch("empty/");

        var result = await _cli.RunAsync("", "test", "empty");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("no conversation test files", result.Stderr, StringComparison.Ordinal);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_cli.WorkingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
