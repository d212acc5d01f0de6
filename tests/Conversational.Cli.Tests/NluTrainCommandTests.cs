namespace Conversational.Cli.Tests;

/// <summary><c>nlu train</c>: trains the bot's intent model from a directory of example files and saves it.</summary>
public sealed class NluTrainCommandTests : IDisposable
{
    private const string Examples = "text\tlabel\n" +
        "我要退货\treturn_exchange\n怎么退款\treturn_exchange\ni want a refund\treturn_exchange\n退货流程\treturn_exchange\nsend it back\treturn_exchange\n" +
        "转人工\ttransfer_to_human\n找真人\ttransfer_to_human\ntalk to a human\ttransfer_to_human\n人工客服\ttransfer_to_human\nagent\ttransfer_to_human\n" +
        "今天天气\tout_of_scope\n讲个笑话\tout_of_scope\nthe weather\tout_of_scope\n火星\tout_of_scope\ntell me a joke\tout_of_scope\n";

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task NluTrain_ExampleDirectory_SavesTheModelWhereAskedAndPrintsItsVersionAndHeldOutAccuracy()
    {
        Directory.CreateDirectory(Path.Combine(_cli.WorkingDirectory, "examples"));
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "examples", "intents.tsv"), Examples);

        var result = await _cli.RunAsync("", "nlu", "train", "--examples", "examples", "--out", "models/intent.cvif");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("(?m)^version: [0-9a-f]{12}$", result.Stdout);
        Assert.Contains("examples: 15", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("labels: 3", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^held_out_accuracy: [01]\\.[0-9]{4}$", result.Stdout);
        Assert.True(File.Exists(Path.Combine(_cli.WorkingDirectory, "models", "intent.cvif")));
    }

    [Fact]
    public async Task NluTrain_Defaults_TrainTheBundledDemoExamplesIntoTheDataDirectory()
    {
        var result = await _cli.RunAsync("", "nlu", "train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("labels: 16", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_cli.WorkingDirectory, "data", "intent-model.cvif")));
    }

    [Fact]
    public async Task NluTrain_OneLabel_ExitsOneWithAClearErrorAndSavesNothing()
    {
        Directory.CreateDirectory(Path.Combine(_cli.WorkingDirectory, "examples"));
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "examples", "intents.tsv"), "text\tlabel\n转人工\thuman\n找真人\thuman\n");

        var result = await _cli.RunAsync("", "nlu", "train", "--examples", "examples", "--out", "model.cvif");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two labels", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(Path.Combine(_cli.WorkingDirectory, "model.cvif")));
    }

    [Fact]
    public async Task NluTrain_MissingDirectory_ExitsOneNamingIt()
    {
        var result = await _cli.RunAsync("", "nlu", "train", "--examples", "nowhere");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere", result.Stderr, StringComparison.Ordinal);
    }
}
