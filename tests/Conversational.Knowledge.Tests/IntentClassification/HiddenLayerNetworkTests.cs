using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class HiddenLayerNetworkTests
{
    // Two labels that no single feature tells apart: label 0 has features 0 and 1 together, or 2 and 3
    // together; label 1 has the crossed pairs (0 with 3, 1 with 2). A sum of per-feature weights cannot separate them.
    private static readonly (int[] Indices, float[] Values, int Label)[] Rows =
    [
        ([0, 1], [0.7f, 0.7f], 0), ([2, 3], [0.7f, 0.7f], 0),
        ([0, 3], [0.7f, 0.7f], 1), ([1, 2], [0.7f, 0.7f], 1),
    ];

    [Fact]
    public void Train_LabelsNoSingleFeatureTellsApart_ScoresEveryExampleHighestForItsOwnLabel()
    {
        var vectors = Enumerable.Repeat(Vectors(), 50).SelectMany(copies => copies).ToList();
        var targets = Enumerable.Repeat(Targets(), 50).SelectMany(copies => copies).ToArray();

        var network = HiddenLayerNetwork.Train(vectors, targets, dimension: 4, labels: 2, seed: 1);

        foreach (var (vector, label) in Vectors().Zip(Targets()))
        {
            var scores = new float[2];
            network.AddLogits(vector, 1f, scores);
            Assert.True(scores[label] > scores[1 - label], $"label {label} scored {scores[label]} against {scores[1 - label]}");
        }
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesTheSameLogits()
    {
        var first = HiddenLayerNetwork.Train(Vectors(), Targets(), dimension: 4, labels: 2, seed: 7);
        var second = HiddenLayerNetwork.Train(Vectors(), Targets(), dimension: 4, labels: 2, seed: 7);

        var vector = Vectors()[0];
        float[] firstScores = new float[2], secondScores = new float[2];
        first.AddLogits(vector, 1f, firstScores);
        second.AddLogits(vector, 1f, secondScores);
        Assert.Equal(firstScores, secondScores);
    }

    [Fact]
    public void AddLogits_Weight_ScalesWhatIsAdded()
    {
        var network = HiddenLayerNetwork.Train(Vectors(), Targets(), dimension: 4, labels: 2, seed: 1);
        var vector = Vectors()[0];

        float[] once = [1f, 2f], half = [1f, 2f];
        network.AddLogits(vector, 1f, once);
        network.AddLogits(vector, 0.5f, half);

        Assert.Equal(once[0] - 1f, 2 * (half[0] - 1f), 4);
        Assert.Equal(once[1] - 2f, 2 * (half[1] - 2f), 4);
    }

    [Fact]
    public void WriteAndRead_RoundTrip_GivesTheSameLogits()
    {
        var network = HiddenLayerNetwork.Train(Vectors(), Targets(), dimension: 4, labels: 2, seed: 1);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            network.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = HiddenLayerNetwork.Read(reader, dimension: 4, labels: 2);

        float[] expected = new float[2], actual = new float[2];
        network.AddLogits(Vectors()[1], 1f, expected);
        read.AddLogits(Vectors()[1], 1f, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_OtherShape_ThrowsInvalidData()
    {
        var network = HiddenLayerNetwork.Train(Vectors(), Targets(), dimension: 4, labels: 2, seed: 1);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            network.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        Assert.Throws<InvalidDataException>(() => HiddenLayerNetwork.Read(reader, dimension: 5, labels: 2));
    }

    [Fact]
    public void IntentModel_NegativeNetworkWeight_ThrowsArgumentException()
    {
        IntentExample[] examples = [new("a", "x"), new("b", "x"), new("c", "y"), new("d", "y")];

        Assert.Throws<ArgumentException>(() => IntentModel.Train(examples, new IntentModelOptions { NetworkWeight = -1 }));
    }

    private static List<SparseVector> Vectors() => Rows.Select(row =>
    {
        var vector = new SparseVector();
        for (var i = 0; i < row.Indices.Length; i++)
        {
            vector.Append(row.Indices[i], row.Values[i]);
        }

        return vector;
    }).ToList();

    private static int[] Targets() => Rows.Select(row => row.Label).ToArray();
}
