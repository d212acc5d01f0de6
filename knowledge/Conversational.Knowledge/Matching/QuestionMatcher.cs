using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Conversational.Knowledge.Matching;

/// <summary>
/// Decides whether two customer questions ask the same thing (问句匹配): gradient-boosted trees (LightGBM, trained
/// through ML.NET) over <see cref="PairFeaturizer"/>'s similarities plus two learned scores — a bag-of-differences
/// regression (<see cref="PairBagModel"/>) and a siamese n-gram encoder (<see cref="PairEncoder"/>), each given to the
/// trees out-of-fold — and a decision threshold chosen on held-out training pairs. Used to tell FAQ variants apart and
/// to group unanswered questions. Measured on AFQMC in knowledge/README.md.
/// </summary>
/// <remarks>
/// Thread-safe once trained: scoring reads immutable tables and walks the trees (<see cref="BoostedTrees"/>), with no
/// ML.NET prediction engine.
/// </remarks>
public sealed class QuestionMatcher
{
    private readonly PairFeaturizer _featurizer;
    private readonly PairEncoder _encoder;
    private readonly PairBagModel _bag;
    private readonly BoostedTrees _trees;

    private QuestionMatcher(PairFeaturizer featurizer, PairEncoder encoder, PairBagModel bag, BoostedTrees trees, double threshold)
    {
        _featurizer = featurizer;
        _encoder = encoder;
        _bag = bag;
        _trees = trees;
        Threshold = threshold;
    }

    /// <summary>Scores at or above this mean "same".</summary>
    public double Threshold { get; }

    /// <summary>
    /// Trains on labelled pairs: fits the featurizer on every question, scores each pair with a bag model and an encoder
    /// trained on the other <see cref="QuestionMatcherOptions.ThresholdFolds"/> − 1 stratified folds (seeded), holds out
    /// one fold to train a probe and choose the threshold with the best held-out accuracy, then trains the trees on all
    /// the pairs and keeps that threshold.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two pairs of either class.</exception>
    public static QuestionMatcher Train(IReadOnlyList<QuestionPair> pairs, QuestionMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= new QuestionMatcherOptions();
        if (pairs.Count(pair => pair.Same) < 2 || pairs.Count(pair => !pair.Same) < 2)
        {
            throw new ArgumentException("Training needs at least two pairs labelled 1 (same) and two labelled 0 (different).", nameof(pairs));
        }

        var featurizer = PairFeaturizer.Fit(pairs.SelectMany(pair => new[] { pair.Text1, pair.Text2 }));
        var folds = PairFolds.Assign(pairs, options.ThresholdFolds, options.Seed);
        var (similarity, margin) = OutOfFold(pairs, folds, options);
        var rows = pairs.AsParallel().AsOrdered().Select((pair, i) => Row(featurizer, pair, similarity[i], margin[i])).ToArray();
        var probe = Fit(rows.Where((_, i) => folds[i] != 0).ToList(), options);
        var scored = Enumerable.Range(0, pairs.Count).Where(i => folds[i] == 0)
            .Select(i => (Score: probe.Score(rows[i].Features), pairs[i].Same)).ToList();
        var threshold = ChooseThreshold(scored);
        return new QuestionMatcher(featurizer, PairEncoder.Train(pairs, options), PairBagModel.Train(pairs, options), Fit(rows, options), threshold);
    }

    /// <summary>How alike two questions are, as the trees' margin: higher is more alike; compare with <see cref="Threshold"/>.</summary>
    public double Score(string text1, string text2)
    {
        ArgumentNullException.ThrowIfNull(text1);
        ArgumentNullException.ThrowIfNull(text2);
        var pair = new QuestionPair(text1, text2, Same: false);
        return _trees.Score(Row(_featurizer, pair, _encoder.Similarity(text1, text2), _bag.Margin(text1, text2)).Features);
    }

    /// <summary>Whether two questions ask the same thing.</summary>
    public bool Same(string text1, string text2) => Score(text1, text2) >= Threshold;

    /// <summary>
    /// The threshold with the best accuracy on scored held-out pairs: the midpoint between two neighbouring scores, so
    /// pairs scored exactly like a held-out one fall on the side that one was counted on.
    /// </summary>
    public static double ChooseThreshold(IReadOnlyList<(double Score, bool Same)> heldOut)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        var sorted = heldOut.OrderBy(pair => pair.Score).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        // Threshold below sorted[i]: everything from i on is "same"; start with all "same".
        var correct = sorted.Count(pair => pair.Same);
        var best = correct;
        var threshold = sorted[0].Score - 1;
        for (var i = 0; i < sorted.Count; i++)
        {
            correct += sorted[i].Same ? -1 : 1;
            if (correct > best && (i + 1 == sorted.Count || sorted[i + 1].Score > sorted[i].Score))
            {
                best = correct;
                threshold = i + 1 == sorted.Count ? sorted[i].Score + 1 : (sorted[i].Score + sorted[i + 1].Score) / 2;
            }
        }

        return threshold;
    }

    /// <summary>
    /// Each pair's encoder similarity and bag-model margin, from models trained on the other folds (in parallel), so the
    /// trees learn how far to trust them on pairs they did not see.
    /// </summary>
    private static (float[] Similarity, float[] Margin) OutOfFold(IReadOnlyList<QuestionPair> pairs, int[] folds, QuestionMatcherOptions options)
    {
        var similarity = new float[pairs.Count];
        var margin = new float[pairs.Count];
        Parallel.For(0, options.ThresholdFolds, fold =>
        {
            var train = pairs.Where((_, i) => folds[i] != fold).ToList();
            var encoder = PairEncoder.Train(train, options);
            var bag = PairBagModel.Train(train, options);
            for (var i = 0; i < pairs.Count; i++)
            {
                if (folds[i] == fold)
                {
                    similarity[i] = encoder.Similarity(pairs[i].Text1, pairs[i].Text2);
                    margin[i] = bag.Margin(pairs[i].Text1, pairs[i].Text2);
                }
            }
        });
        return (similarity, margin);
    }

    private static BoostedTrees Fit(IReadOnlyList<PairRow> rows, QuestionMatcherOptions options)
    {
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(PairRow));
        schema[nameof(PairRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            Verbose = false,
            Silent = true,
        });
        var model = trainer.Fit(data);
        return BoostedTrees.From(model.Model.SubModel.TrainedTreeEnsemble);
    }

    /// <summary>The encoder's similarity and the bag model's margin, then the featurizer's features.</summary>
    private static int FeatureCount => 2 + PairFeaturizer.Length;

    private static PairRow Row(PairFeaturizer featurizer, QuestionPair pair, float similarity, float margin)
    {
        var features = new float[FeatureCount];
        features[0] = similarity;
        features[1] = margin;
        featurizer.Featurize(pair.Text1, pair.Text2, features.AsSpan(2));
        return new PairRow { Label = pair.Same, Features = features };
    }

    /// <summary>One training row as ML.NET reads it.</summary>
    private sealed class PairRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
