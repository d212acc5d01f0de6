using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Unanswered;
using Conversational.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Tests.Understanding;

public sealed class IntentModelProviderTests : IDisposable
{
    private const string Examples = """
        text	label
        我要退货	return_exchange
        怎么退款	return_exchange
        i want a refund	return_exchange
        return this item	return_exchange
        转人工	transfer_to_human
        找真人	transfer_to_human
        talk to a human	transfer_to_human
        agent please	transfer_to_human
        今天天气	out_of_scope
        讲个笑话	out_of_scope
        the weather	out_of_scope
        tell me a joke	out_of_scope

        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("intent-model-provider-");

    public void Dispose() => _root.Delete(recursive: true);

    private string ExamplesDirectory => Path.Combine(_root.FullName, "examples");

    private string ModelPath => Path.Combine(_root.FullName, "data", "intent-model.cvif");

    [Fact]
    public async Task NoSavedModel_TrainsFromTheExamplesAndSavesIt()
    {
        WriteExamples(Examples);

        var model = await Provider().GetAsync(default);

        Assert.Equal(IntentExampleSet.Read(ExamplesDirectory).ContentHash, model.Info.ExamplesHash);
        Assert.Equal(3, model.Info.Labels);
        Assert.Equal(model.Info, IntentModelFile.Load(ModelPath).Info);
        Assert.Equal(Intents.TransferToHuman, model.Model.PredictLabel("转人工"));
    }

    [Fact]
    public async Task SavedModelOfTheSameExamples_IsLoadedNotRetrained()
    {
        WriteExamples(Examples);
        var first = await Provider(new FakeTime(DateTimeOffset.Parse("2026-11-01T00:00:00Z"))).GetAsync(default);

        var second = await Provider(new FakeTime(DateTimeOffset.Parse("2026-11-23T00:00:00Z"))).GetAsync(default);

        Assert.Equal(first.Info, second.Info);
    }

    [Fact]
    public async Task ChangedExamples_AreRetrainedIntoANewVersion()
    {
        WriteExamples(Examples);
        var first = await Provider().GetAsync(default);
        WriteExamples(Examples + "帮我退货\treturn_exchange\n");

        var second = await Provider().GetAsync(default);

        Assert.NotEqual(first.Info.Version, second.Info.Version);
        Assert.Equal(first.Info.Examples + 1, second.Info.Examples);
        Assert.Equal(second.Info, IntentModelFile.Load(ModelPath).Info);
    }

    [Fact]
    public async Task DamagedModelFile_IsReplacedByANewlyTrainedOne()
    {
        WriteExamples(Examples);
        Directory.CreateDirectory(Path.GetDirectoryName(ModelPath)!);
        await File.WriteAllTextAsync(ModelPath, "not a model");

        var model = await Provider().GetAsync(default);

        Assert.Equal(model.Info, IntentModelFile.Load(ModelPath).Info);
    }

    [Fact]
    public async Task ExamplesWithOneLabel_FailWithAClearErrorAndSaveNothing()
    {
        WriteExamples("text\tlabel\n转人工\ttransfer_to_human\n找真人\ttransfer_to_human\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Provider().GetAsync(default).AsTask());

        Assert.Contains(ExamplesDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("at least two labels", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ModelPath));
    }

    [Fact]
    public async Task ExamplesWithALabelOfOneExample_FailWithAnErrorNamingIt()
    {
        WriteExamples(Examples + "我要投诉\tcomplaint\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Provider().GetAsync(default).AsTask());

        Assert.Contains("complaint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentFirstUses_TrainOnceAndShareTheModel()
    {
        WriteExamples(Examples);
        var provider = Provider();

        var models = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => provider.GetAsync(default).AsTask()));

        Assert.All(models, model => Assert.Same(models[0], model));
    }

    [Fact]
    public async Task TrainersExamplesInTheDatabase_AreTrainedOn_AndRetrainPutsTheNewModelInUse()
    {
        WriteExamples(Examples);
        await using var database = new SqliteDatabase(Path.Combine(_root.FullName, "trainer.db"));
        await new SchemaMigrator(database, [UnansweredSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        var trainerExamples = new TrainerIntentExamples(database);
        var provider = new IntentModelProvider(
            Options.Create(new UnderstandingOptions { ModelPath = ModelPath, ExamplesDirectory = ExamplesDirectory }),
            TimeProvider.System, NullLogger<IntentModelProvider>.Instance, trainerExamples);
        var before = await provider.GetAsync(default);

        await trainerExamples.AddAsync(["发票怎么开", "可以开发票吗"], "invoice", "zh-CN", "trainer", DateTimeOffset.UtcNow, default);
        var after = await provider.RetrainAsync(default);

        // No trainer examples: the files' own hash, so a model saved by `nlu train` is not retrained for nothing.
        Assert.Equal(IntentExampleSet.Read(ExamplesDirectory).ContentHash, before.Info.ExamplesHash);
        Assert.Equal((14, 4), (after.Info.Examples, after.Info.Labels));
        Assert.NotEqual(before.Info.ExamplesHash, after.Info.ExamplesHash);
        Assert.Same(after, await provider.GetAsync(default));
        Assert.Equal("invoice", after.Model.PredictLabel("发票怎么开"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private IntentModelProvider Provider(TimeProvider? time = null) => new(
        Options.Create(new UnderstandingOptions { ModelPath = ModelPath, ExamplesDirectory = ExamplesDirectory }),
        time ?? TimeProvider.System, NullLogger<IntentModelProvider>.Instance);

    private void WriteExamples(string content)
    {
        Directory.CreateDirectory(ExamplesDirectory);
        File.WriteAllText(Path.Combine(ExamplesDirectory, "intents.tsv"), content);
    }

    private sealed class FakeTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
