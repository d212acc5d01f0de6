using Microsoft.ML.Trainers.FastTree;

namespace Conversational.Knowledge.Matching;

/// <summary>
/// A trained tree ensemble as plain arrays, scored without ML.NET: its prediction engine is not thread-safe and costs
/// more than walking a few hundred small trees. The score is the ensemble's raw margin (before calibration).
/// </summary>
internal sealed class BoostedTrees
{
    private readonly Tree[] _trees;
    private readonly double _bias;

    private BoostedTrees(Tree[] trees, double bias)
    {
        _trees = trees;
        _bias = bias;
    }

    /// <summary>Copies ML.NET's ensemble (numerical splits only, which is all a float vector yields).</summary>
    public static BoostedTrees From(TreeEnsemble<RegressionTree> ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var trees = ensemble.Trees.Select((tree, i) => new Tree(
            [.. tree.LeftChild], [.. tree.RightChild], [.. tree.NumericalSplitFeatureIndexes],
            [.. tree.NumericalSplitThresholds], [.. tree.LeafValues.Select(value => value * ensemble.TreeWeights[i])]));
        return new BoostedTrees([.. trees], ensemble.Bias);
    }

    /// <summary>The margin for one feature vector.</summary>
    public double Score(float[] features)
    {
        var score = _bias;
        foreach (var tree in _trees)
        {
            var node = 0;
            while (node >= 0)
            {
                node = features[tree.Features[node]] <= tree.Thresholds[node] ? tree.Left[node] : tree.Right[node];
            }

            score += tree.Leaves[~node];
        }

        return score;
    }

    /// <summary>Node i goes to Left[i] when feature Features[i] ≤ Thresholds[i], else Right[i]; a negative child c is leaf ~c.</summary>
    private sealed record Tree(int[] Left, int[] Right, int[] Features, float[] Thresholds, double[] Leaves);
}
