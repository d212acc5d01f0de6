using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class MarginModelTests
{
    // Three labels, each owning one feature (0, 1, 2); feature 3 is shared noise.
    private static readonly (int[] Indices, float[] Values, int Label)[] Rows =
    [
        ([0, 3], [0.9f, 0.44f], 0), ([0], [1f], 0), ([0, 3], [0.8f, 0.6f], 0),
        ([1, 3], [0.9f, 0.44f], 1), ([1], [1f], 1), ([1, 3], [0.8f, 0.6f], 1),
        ([2, 3], [0.9f, 0.44f], 2), ([2], [1f], 2), ([2, 3], [0.8f, 0.6f], 2),
    ];

    [Fact]
    public void Train_SeparableExamples_ScoresEveryExampleHighestForItsOwnLabelWithAPositiveMargin()
    {
        var (weights, biases) = MarginModel.Train(Vectors(), Targets(), dimension: 4, labels: 3, cost: 1f, seed: 1);

        foreach (var (indices, values, label) in Rows)
        {
            var scores = Scores(weights, biases, indices, values);
            Assert.Equal(label, Array.IndexOf(scores, scores.Max()));
            Assert.True(scores[label] > 0, $"label {label} scored {scores[label]} on its own example");
            Assert.All(scores.Where((_, other) => other != label), score => Assert.True(score < 0));
        }
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesTheSameWeights()
    {
        var first = MarginModel.Train(Vectors(), Targets(), dimension: 4, labels: 3, cost: 1f, seed: 7);
        var second = MarginModel.Train(Vectors(), Targets(), dimension: 4, labels: 3, cost: 1f, seed: 7);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Biases, second.Biases);
    }

    [Fact]
    public void Train_LargerCost_FitsTheTrainingExamplesWithLargerMargins()
    {
        var loose = MarginModel.Train(Vectors(), Targets(), dimension: 4, labels: 3, cost: 0.01f, seed: 1);
        var tight = MarginModel.Train(Vectors(), Targets(), dimension: 4, labels: 3, cost: 10f, seed: 1);

        var (indices, values, label) = Rows[0];
        Assert.True(Scores(tight.Weights, tight.Biases, indices, values)[label] >
            Scores(loose.Weights, loose.Biases, indices, values)[label]);
    }

    [Fact]
    public void IntentModel_NegativeMarginWeightOrNoCost_ThrowsArgumentException()
    {
        IntentExample[] examples = [new("a", "x"), new("b", "x"), new("c", "y"), new("d", "y")];

        Assert.Throws<ArgumentException>(() => IntentModel.Train(examples, new IntentModelOptions { MarginWeight = -1 }));
        Assert.Throws<ArgumentException>(() => IntentModel.Train(examples, new IntentModelOptions { MarginCost = 0 }));
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

    // Feature-major weights, as MarginModel returns them.
    private static float[] Scores(float[] weights, float[] biases, int[] indices, float[] values)
    {
        var scores = biases.ToArray();
        for (var label = 0; label < scores.Length; label++)
        {
            for (var i = 0; i < indices.Length; i++)
            {
                scores[label] += weights[(indices[i] * scores.Length) + label] * values[i];
            }
        }

        return scores;
    }
}
