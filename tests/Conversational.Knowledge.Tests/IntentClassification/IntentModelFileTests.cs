using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class IntentModelFileTests : IDisposable
{
    private static readonly Lazy<TrainedIntentModel> Trained = new(() => TrainedIntentModel.Train(
        new IntentExampleSet(
        [
            .. Label("refund", "我要退货", "怎么退款", "退货流程", "i want a refund", "return this item", "send it back"),
            .. Label("human", "转人工", "人工客服", "找真人", "talk to a human", "agent please", "real person"),
            .. Label("oos", "今天天气", "讲个笑话", "火星", "the weather", "tell me a joke", "mars"),
        ], new string('a', 64)),
        "oos", TimeProvider.System));

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("intent-model-file-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void SaveAndLoad_KeepsWhatItWasTrainedOnAndPredictsTheSame()
    {
        var path = Path.Combine(_directory.FullName, "model.cvif");

        IntentModelFile.Save(path, Trained.Value);
        var loaded = IntentModelFile.Load(path);

        Assert.Equal(Trained.Value.Info, loaded.Info);
        Assert.Equal("aaaaaaaaaaaa", loaded.Info.Version);
        foreach (var probe in new[] { "退货", "人工", "天气", "", "😀" })
        {
            Assert.Equal(Trained.Value.Model.Predict(probe), loaded.Model.Predict(probe));
        }

        Assert.Single(_directory.GetFiles());
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        var path = Path.Combine(_directory.FullName, "model.cvif");
        File.WriteAllText(path, "hello");

        Assert.Throws<InvalidDataException>(() => IntentModelFile.Load(path));
    }

    [Fact]
    public void Load_CutShort_ThrowsInvalidData()
    {
        var path = Path.Combine(_directory.FullName, "model.cvif");
        IntentModelFile.Save(path, Trained.Value);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Throws<InvalidDataException>(() => IntentModelFile.Load(path));
    }

    private static IEnumerable<IntentExample> Label(string label, params string[] texts) => texts.Select(text => new IntentExample(text, label));
}
