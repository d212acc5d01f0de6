using Conversational.Knowledge.Matching;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Conversational.Knowledge.Tests.Matching;

public sealed class BoostedTreesTests
{
    [Fact]
    public void Score_WalkingTheCopiedTrees_EqualsMlNetsOwnScore()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 400).Select(_ =>
        {
            float[] features = [(float)random.NextDouble(), (float)random.NextDouble(), random.Next(3)];
            return new Row { Features = features, Label = features[0] + (features[2] * 0.3f) > 0.8f ^ random.NextDouble() < 0.1 };
        }).ToList();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = 30, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, Silent = true,
        }).Fit(data);

        var trees = BoostedTrees.From(model.Model.SubModel.TrainedTreeEnsemble);

        var expected = model.Transform(data).GetColumn<float>("Score").ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i], trees.Score(rows[i].Features), 4);
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
