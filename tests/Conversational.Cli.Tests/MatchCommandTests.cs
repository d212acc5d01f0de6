using System.Text;
using System.Text.Json;

namespace Conversational.Cli.Tests;

/// <summary><c>match eval</c> and <c>match cv</c> (DESIGN §15): one JSON object on stdout, errors on stderr.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private static readonly string[] EvalKeys = ["examples", "accuracy", "f1", "train_seconds"];

    private static readonly string[] Products = ["花呗", "借呗", "余额宝", "信用卡", "网商贷", "芝麻分"];

    private static readonly (string First, string Second)[] Topics =
    [
        ("怎么还款", "如何还钱"), ("为什么用不了", "不能用了是怎么回事"), ("怎么关闭", "如何注销掉"),
        ("能提额吗", "额度可以提高吗"), ("利息多少", "手续费怎么算"), ("逾期了怎么办", "过了还款日会怎样"),
    ];

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// A clearly learnable pair file: same product and topic in other words is 1; another product or topic is 0.
    /// </summary>
    private async Task WritePairs(string name, int count, int offset)
    {
        var text = new StringBuilder("text1\ttext2\tlabel\n");
        for (var i = offset; i < offset + count; i++)
        {
            var product = Products[i % Products.Length];
            var (first, second) = Topics[(i / Products.Length) % Topics.Length];
            var other = Products[(i + 1 + (i / 7 % (Products.Length - 1))) % Products.Length];
            var otherTopic = Topics[(i / Products.Length + 1 + i % 3) % Topics.Length].Second;
            text.Append((i % 3) switch
            {
                0 => $"{product}{first}\t我的{product}{second}\t1\n",
                1 => $"{product}{first}\t{other}{second}\t0\n",
                _ => $"{product}{first}\t{product}{otherTopic}\t0\n",
            });
        }

        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, name), text.ToString());
    }

    [Fact]
    public async Task MatchEval_LearnableToySet_PrintsOneJsonObjectWithHighAccuracyAndF1()
    {
        await WritePairs("train.tsv", 360, offset: 0);
        await WritePairs("test.tsv", 120, offset: 1000);

        var result = await _cli.RunAsync("", "match", "eval", "--train", "train.tsv", "--test", "test.tsv", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(EvalKeys, json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(120, json.RootElement.GetProperty("examples").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0.9, 1);
        Assert.InRange(json.RootElement.GetProperty("f1").GetDouble(), 0.85, 1);
        Assert.Contains("training on 360 pairs", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchCv_SmallFile_PrintsTheEvalKeysPlusFolds()
    {
        await WritePairs("pairs.tsv", 60, offset: 0);

        var result = await _cli.RunAsync("", "match", "cv", "--train", "pairs.tsv", "--folds", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal([.. EvalKeys, "folds"], json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(60, json.RootElement.GetProperty("examples").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("folds").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.Contains("fold 2/2: training on 30 pairs, testing on 30", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchEval_BadLabel_ExitsOneNamingFileAndLineAndPrintsNothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.tsv"), "text1\ttext2\tlabel\na\tb\t1\nc\td\tmaybe\n");
        await WritePairs("test.tsv", 10, offset: 0);

        var result = await _cli.RunAsync("", "match", "eval", "--train", "train.tsv", "--test", "test.tsv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("train.tsv:3: the label must be 0 or 1", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task MatchEval_TrainingWithoutBothClasses_ExitsOneWithAClearError()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.tsv"), "text1\ttext2\tlabel\na\tb\t0\nc\td\t0\ne\tf\t0\n");
        await WritePairs("test.tsv", 10, offset: 0);

        var result = await _cli.RunAsync("", "match", "eval", "--train", "train.tsv", "--test", "test.tsv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two pairs labelled 1", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task MatchEval_MissingFile_ExitsOneNamingIt()
    {
        await WritePairs("test.tsv", 10, offset: 0);

        var result = await _cli.RunAsync("", "match", "eval", "--train", "missing.tsv", "--test", "test.tsv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("file not found: missing.tsv", result.Stderr.Trim());
    }

    [Fact]
    public async Task MatchCv_FoldsBelowTwo_IsAUsageError()
    {
        await WritePairs("pairs.tsv", 10, offset: 0);

        var result = await _cli.RunAsync("", "match", "cv", "--train", "pairs.tsv", "--folds", "1", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--folds must be at least 2", result.Stderr, StringComparison.Ordinal);
    }
}
