namespace Conversational.Cli.Tests;

/// <summary>The measuring commands of DESIGN §15 parse their contract now and refuse to run until their issues land.</summary>
public sealed class ContractCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, string[]> Commands => new()
    {
        { "nlu eval", ["nlu", "eval", "--train", "train.csv", "--test", "test.csv", "--json"] },
        { "nlu eval", ["nlu", "eval", "--train", "train.csv", "--test", "test.csv", "--oos-label", "oos", "--json"] },
        { "kb eval", ["kb", "eval", "--corpus", "train.csv", "--queries", "test.csv", "--json"] },
        { "match eval", ["match", "eval", "--train", "train.csv", "--test", "test.csv", "--json"] },
        { "test", ["test", "dialogues/"] },
        { "kb import", ["kb", "import", "train.csv"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ContractCommand_WithValidInputs_ExitsTwoSayingItIsNotImplementedAndPrintsNoResult(string name, string[] args)
    {
        _cli.Touch("train.csv");
        _cli.Touch("test.csv");
        _cli.Touch("dialogues/");

        var result = await _cli.RunAsync("", args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{name} is not implemented yet (it arrives with the ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task NluEval_MissingFile_ExitsOneNamingTheFile()
    {
        _cli.Touch("test.csv");

        var result = await _cli.RunAsync("", "nlu", "eval", "--train", "missing.csv", "--test", "test.csv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("file not found: missing.csv", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task KbEval_BothFilesMissing_NamesEach()
    {
        var result = await _cli.RunAsync("", "kb", "eval", "--corpus", "corpus.csv", "--queries", "queries.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file not found: corpus.csv", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("file not found: queries.csv", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_MissingDirectory_ExitsOneNamingTheDirectory()
    {
        var result = await _cli.RunAsync("", "test", "no-such-dir");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("directory not found: no-such-dir", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("--train", "nlu", "eval", "--test", "test.csv", "--json")]
    [InlineData("--test", "match", "eval", "--train", "train.csv", "--json")]
    [InlineData("--queries", "kb", "eval", "--corpus", "train.csv", "--json")]
    [InlineData("import", "kb", "import")]
    public async Task ContractCommand_MissingRequiredInput_IsAUsageErrorNamingIt(string missing, params string[] args)
    {
        _cli.Touch("train.csv");
        _cli.Touch("test.csv");

        var result = await _cli.RunAsync("", args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not implemented", result.Stderr, StringComparison.Ordinal);
    }
}
