namespace Conversational.Cli.Tests;

/// <summary><c>kb import</c> through the real executable and its SQLite store: all or nothing, idempotent by id.</summary>
public sealed class KbImportCommandTests : IDisposable
{
    private const string Entries = """
        [
          { "id": "cli-returns", "title": "怎么退货", "questions": ["怎么退货"], "answer": "在订单页申请退货。",
            "language": "zh-CN", "tags": ["returns"], "owner": "售后组" },
          { "id": "cli-bills", "title": "When is my bill due?", "questions": ["bill due date"], "answer": "20 days after the statement date.",
            "language": "en", "owner": "cards" }
        ]
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ImportingTheSameFileAgain_ChangesNothing_AndAnEditedEntryIsUpdated()
    {
        await WriteAsync("faq.json", Entries);

        var first = await _cli.RunAsync("", "kb", "import", "faq.json");
        var again = await _cli.RunAsync("", "kb", "import", "faq.json");
        await WriteAsync("faq.json", Entries.Replace("在订单页申请退货。", "在“我的订单”里申请退货。", StringComparison.Ordinal));
        var edited = await _cli.RunAsync("", "kb", "import", "faq.json");

        Assert.Equal((0, "faq.json: 2 created, 0 updated, 0 unchanged."), (first.ExitCode, first.Stdout.Trim()));
        Assert.Equal((0, "faq.json: 0 created, 0 updated, 2 unchanged."), (again.ExitCode, again.Stdout.Trim()));
        Assert.Equal((0, "faq.json: 0 created, 1 updated, 1 unchanged."), (edited.ExitCode, edited.Stdout.Trim()));
    }

    [Fact]
    public async Task AMalformedFile_ExitsOneWithFileLineAndReason_AndImportsNothing()
    {
        await WriteAsync("faq.json", Entries.Replace("\"owner\": \"cards\"", "\"owner\": \"\"", StringComparison.Ordinal));

        var refused = await _cli.RunAsync("", "kb", "import", "faq.json");
        await WriteAsync("faq.json", Entries);
        var fixedFile = await _cli.RunAsync("", "kb", "import", "faq.json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(["faq.json:4: owner: must not be empty.", "Nothing was imported from faq.json (1 problem(s))."],
            refused.Stderr.Trim().Split('\n'));
        Assert.Equal("", refused.Stdout);
        Assert.Equal("faq.json: 2 created, 0 updated, 0 unchanged.", fixedFile.Stdout.Trim());
    }

    [Fact]
    public async Task AMarkdownFolder_IsImported()
    {
        await WriteAsync("kb/size.md", "---\nid: cli-size\nkind: article\ntitle: 尺码怎么选\nlanguage: zh-CN\nowner: 商品组\n---\n按脚长选码。\n");

        var result = await _cli.RunAsync("", "kb", "import", "kb");

        Assert.Equal((0, "kb: 1 created, 0 updated, 0 unchanged."), (result.ExitCode, result.Stdout.Trim()));
    }

    [Fact]
    public async Task AMissingFile_ExitsOneNamingIt()
    {
        var result = await _cli.RunAsync("", "kb", "import", "missing.csv");

        Assert.Equal((1, "file not found: missing.csv"), (result.ExitCode, result.Stderr.Trim()));
    }

    private async Task WriteAsync(string relativePath, string text)
    {
        var path = Path.Combine(_cli.WorkingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text);
    }
}
