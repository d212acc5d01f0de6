namespace Conversational.Cli.Tests;

/// <summary>
/// The measuring commands of DESIGN §15: <c>nlu eval</c> and <c>nlu cv</c> run (<c>kb eval</c>: <see cref="KbCommandTests"/>);
/// the others parse their contract and refuse to run until their issues land.
/// </summary>
public sealed class ContractCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, string[]> Commands => new()
    {
        { "match eval", ["match", "eval", "--train", "train.csv", "--test", "test.csv", "--json"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ContractCommand_WithValidInputs_ExitsTwoSayingItIsNotImplementedAndPrintsNoResult(string name, string[] args)
    {
        _cli.Touch("train.csv");
        _cli.Touch("test.csv");

        var result = await _cli.RunAsync("", args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{name} is not implemented yet (it arrives with the ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private const string NluTrain = """
        text,label
        我要退货,return
        怎么退换货,return
        "质量有问题, 要退货",return
        i want to return this,return
        账单分期,installment
        信用卡账单能分12期吗,installment
        can i pay my bill in installments,installment
        分期手续费多少,installment
        转人工,human
        我要人工客服,human
        talk to a human,human
        给我转人工服务,human
        今天天气怎么样,oos
        讲个笑话,oos
        """;

    private const string NluTest = "text\tlabel\n我想退货\treturn\n账单能分期吗\tinstallment\n人工客服\thuman\n明天会下雨吗\toos\n";

    private static readonly string[] NluKeys =
        ["examples", "labels", "accuracy", "macro_f1", "train_seconds", "predict_p50_us", "predict_p99_us"];

    private static readonly string[] NluOosKeys =
    [
        "examples", "labels", "accuracy", "macro_f1", "in_scope_accuracy", "oos_recall", "oos_precision",
        "train_seconds", "predict_p50_us", "predict_p99_us",
    ];

    [Fact]
    public async Task NluEval_SmallFiles_PrintsOneJsonObjectWithEveryKeyAndExitsZero()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), NluTrain);
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "test.tsv"), NluTest);

        var result = await _cli.RunAsync("", "nlu", "eval", "--train", "train.csv", "--test", "test.tsv", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var keys = json.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal(NluKeys, keys);
        Assert.Equal(4, json.RootElement.GetProperty("examples").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("labels").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.Contains("training on 14 examples", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NluEval_WithOosLabel_AlsoPrintsInScopeAccuracyAndOosRecallAndPrecision()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), NluTrain);
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "test.tsv"), NluTest);

        var result = await _cli.RunAsync("", "nlu", "eval", "--train", "train.csv", "--test", "test.tsv", "--oos-label", "oos", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var keys = json.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal(NluOosKeys, keys);
        foreach (var key in NluOosKeys[4..7])
        {
            Assert.InRange(json.RootElement.GetProperty(key).GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task NluEval_HeaderOnlyTrainingFile_ExitsOneWithAClearErrorAndNoResult()
    {
        _cli.Touch("train.csv");
        _cli.Touch("test.csv");

        var result = await _cli.RunAsync("", "nlu", "eval", "--train", "train.csv", "--test", "test.csv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two labels", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task NluEval_MalformedRow_ExitsOneNamingFileAndLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), "text,label\na,x\nb,x,extra\n");
        _cli.Touch("test.csv");

        var result = await _cli.RunAsync("", "nlu", "eval", "--train", "train.csv", "--test", "test.csv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("train.csv:3: expected 2 fields", result.Stderr, StringComparison.Ordinal);
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

    private const string NluCvTrain = """
        text,label
        我要退货,return
        怎么退换货,return
        质量有问题要退货,return
        i want to return this,return
        账单分期,installment
        信用卡账单能分12期吗,installment
        can i pay my bill in installments,installment
        分期手续费多少,installment
        转人工,human
        我要人工客服,human
        talk to a human,human
        给我转人工服务,human
        今天天气怎么样,oos
        讲个笑话,oos
        明天会下雨吗,oos
        你叫什么名字,oos
        """;

    [Fact]
    public async Task NluCv_SmallFile_PrintsTheEvalKeysAveragedPlusFoldsAndExitsZero()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), NluCvTrain);

        var result = await _cli.RunAsync("", "nlu", "cv", "--train", "train.csv", "--folds", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var keys = json.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal([.. NluKeys, "folds"], keys);
        Assert.Equal(16, json.RootElement.GetProperty("examples").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("labels").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("folds").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.Contains("fold 2/2: training on 8 examples, testing on 8", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NluCv_WithOosLabel_AlsoPrintsInScopeAccuracyAndOosRecallAndPrecision()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), NluCvTrain);

        var result = await _cli.RunAsync("", "nlu", "cv", "--train", "train.csv", "--folds", "2", "--oos-label", "oos", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var keys = json.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal([.. NluOosKeys, "folds"], keys);
        foreach (var key in NluOosKeys[4..7])
        {
            Assert.InRange(json.RootElement.GetProperty(key).GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task NluCv_SameFileTwice_GivesTheSameScores()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), NluCvTrain);

        var first = await _cli.RunAsync("", "nlu", "cv", "--train", "train.csv", "--folds", "2", "--json");
        var second = await _cli.RunAsync("", "nlu", "cv", "--train", "train.csv", "--folds", "2", "--json");

        using var a = System.Text.Json.JsonDocument.Parse(first.Stdout);
        using var b = System.Text.Json.JsonDocument.Parse(second.Stdout);
        Assert.Equal(a.RootElement.GetProperty("accuracy").GetDouble(), b.RootElement.GetProperty("accuracy").GetDouble());
        Assert.Equal(a.RootElement.GetProperty("macro_f1").GetDouble(), b.RootElement.GetProperty("macro_f1").GetDouble());
    }

    [Fact]
    public async Task NluCv_FoldsBelowTwo_IsAUsageErrorNamingTheOption()
    {
        _cli.Touch("train.csv");

        var result = await _cli.RunAsync("", "nlu", "cv", "--train", "train.csv", "--folds", "1", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--folds must be at least 2", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("{", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NluCv_FoldLeavesALabelOneExample_ExitsOneWithAClearError()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "train.csv"), "text,label\na,x\nb,x\nc,x\nd,x\ne,y\nf,y\n");

        var result = await _cli.RunAsync("", "nlu", "cv", "--train", "train.csv", "--folds", "2", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two examples", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task NluCv_MissingFile_ExitsOneNamingTheFile()
    {
        var result = await _cli.RunAsync("", "nlu", "cv", "--train", "missing.csv", "--json");

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
    [InlineData("--train", "nlu", "cv", "--folds", "5", "--json")]
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
