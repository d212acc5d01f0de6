using System.Text.Json;

namespace Conversational.Cli.Tests;

/// <summary><c>kb eval</c> (DESIGN §15) and <c>kb split</c>, which makes the held-out files it is measured on.</summary>
public sealed class KbCommandTests : IDisposable
{
    private const string Corpus = """
        text,label
        信用卡账单可以分期吗,installment
        账单分12期手续费多少,installment
        can i pay my bill in installments,installment
        我要退货,return
        "质量有问题, 怎么退换货",return
        how do i return this item,return
        转人工,human
        我要人工客服,human
        talk to a human agent,human
        """;

    private const string Queries = "text\tlabel\n账单能分期吗\tinstallment\n想退货\treturn\nreturn an item\treturn\n人工客服\thuman\n";

    private static readonly string[] Keys = ["recall_at_1", "recall_at_5", "mrr_at_10", "search_p50_us", "search_p99_us", "corpus_size"];

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task WriteFilesAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "corpus.csv"), Corpus);
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "queries.tsv"), Queries);
    }

    [Theory]
    [InlineData("hybrid")]
    [InlineData("lexical")]
    [InlineData("dense")]
    public async Task KbEval_SmallFiles_PrintsOneJsonObjectWithEveryKeyInOrder(string mode)
    {
        await WriteFilesAsync();

        var result = await _cli.RunAsync("", "kb", "eval", "--corpus", "corpus.csv", "--queries", "queries.tsv", "--mode", mode, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Keys, json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(9, json.RootElement.GetProperty("corpus_size").GetInt32());
        var recall1 = json.RootElement.GetProperty("recall_at_1").GetDouble();
        Assert.InRange(recall1, 0.75, 1);
        Assert.InRange(json.RootElement.GetProperty("recall_at_5").GetDouble(), recall1, 1);
        Assert.True(json.RootElement.GetProperty("search_p99_us").GetDouble() >= json.RootElement.GetProperty("search_p50_us").GetDouble());
        Assert.Contains($"({char.ToUpperInvariant(mode[0])}{mode[1..]})", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbEval_MalformedCorpusRow_ExitsOneNamingFileAndLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "corpus.csv"), "text,label\na,x\nb,x,extra\n");
        _cli.Touch("queries.csv");

        var result = await _cli.RunAsync("", "kb", "eval", "--corpus", "corpus.csv", "--queries", "queries.csv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("corpus.csv:3: expected 2 fields", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task KbEval_UnknownMode_IsRejectedBeforeAnyWork()
    {
        await WriteFilesAsync();

        var result = await _cli.RunAsync("", "kb", "eval", "--corpus", "corpus.csv", "--queries", "queries.tsv", "--mode", "fuzzy", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("fuzzy", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("recall_at_1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbSplit_WritesStratifiedTrainAndHeldOutFilesThatTogetherHoldEveryRow()
    {
        var rows = Enumerable.Range(0, 20).Select(i => $"\"question {i}, variant\",{(i % 2 == 0 ? "even" : "odd")}");
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "all.csv"), "text,label\n" + string.Join("\n", rows) + "\n");

        var result = await _cli.RunAsync("", "kb", "split", "--data", "all.csv", "--held-out", "0.2", "--seed", "3", "--out", "split");

        Assert.Equal(0, result.ExitCode);
        var train = await File.ReadAllLinesAsync(Path.Combine(_cli.WorkingDirectory, "split", "train.csv"));
        var heldOut = await File.ReadAllLinesAsync(Path.Combine(_cli.WorkingDirectory, "split", "held-out.csv"));
        Assert.Equal("text,label", train[0]);
        Assert.Equal(16, train.Length - 1);
        Assert.Equal(4, heldOut.Length - 1);
        Assert.Equal(2, heldOut.Skip(1).Count(line => line.EndsWith(",even", StringComparison.Ordinal)));
        Assert.Equal(rows.Order(), train.Skip(1).Concat(heldOut.Skip(1)).Order());
    }
}
