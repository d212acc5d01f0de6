using System.Text;
using System.Text.Json;
using Conversational.Knowledge.Tests.Matching;

namespace Conversational.Cli.Tests;

/// <summary><c>match eval</c> and <c>match cv</c> (DESIGN §15): one JSON object on stdout, errors on stderr.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private static readonly string[] EvalKeys = ["examples", "accuracy", "f1", "train_seconds"];

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A clearly learnable pair file (<see cref="ToyPairs"/>, shared with the matcher's unit tests).</summary>
    private async Task WritePairs(string name, int count, int offset)
    {
        var text = new StringBuilder("text1\ttext2\tlabel\n");
        foreach (var pair in ToyPairs.Make(count, offset))
        {
            text.Append($"{pair.Text1}\t{pair.Text2}\t{(pair.Same ? 1 : 0)}\n");
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
