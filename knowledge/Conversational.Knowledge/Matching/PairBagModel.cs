using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Conversational.Knowledge.Matching;

/// <summary>
/// A logistic regression over the pair as a bag of what the two questions share and what only one of them has
/// (characters and bigrams), plus pairs of a character only in one and a character only in the other (花 ↔ 借), hashed
/// into 2^18 weights and trained by ML.NET's L-BFGS. It learns which shared words make a match likely and which
/// differences break it; its margin is one feature of <see cref="QuestionMatcher"/>, given out-of-fold.
/// </summary>
internal sealed class PairBagModel
{
    private const int HashBits = 18;
    private const int MaxCrossPairs = 64;

    private readonly float[] _weights;
    private readonly float _bias;

    private PairBagModel(float[] weights, float bias)
    {
        _weights = weights;
        _bias = bias;
    }

    public static PairBagModel Train(IReadOnlyList<QuestionPair> pairs, QuestionMatcherOptions options)
    {
        var ml = new MLContext(options.Seed);
        var rows = pairs.Select(pair => new Row { Label = pair.Same, Features = Vector(pair.Text1, pair.Text2) }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1 << HashBits);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = options.BagL2Regularization,
            L1Regularization = 0,
            MaximumNumberOfIterations = 100,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(rows, schema)).Model.SubModel;
        return new PairBagModel([.. model.Weights], model.Bias);
    }

    /// <summary>The regression's margin (log-odds of "same").</summary>
    public float Margin(string text1, string text2)
    {
        var vector = Vector(text1, text2);
        var margin = _bias;
        foreach (var index in vector.GetIndices())
        {
            margin += _weights[index];
        }

        return margin;
    }

    private static VBuffer<float> Vector(string text1, string text2)
    {
        var a = PairFeaturizer.Prepare(text1);
        var b = PairFeaturizer.Prepare(text2);
        var buckets = new SortedSet<int>();
        var gramsA = Grams(a);
        var gramsB = Grams(b);
        foreach (var gram in gramsA.Union(gramsB, StringComparer.Ordinal))
        {
            var shared = gramsA.Contains(gram) && gramsB.Contains(gram);
            buckets.Add(Bucket((shared ? "s:" : "d:") + gram));
        }

        var onlyA = a.Where(c => !b.Contains(c, StringComparison.Ordinal)).Distinct().ToList();
        var onlyB = b.Where(c => !a.Contains(c, StringComparison.Ordinal)).Distinct().ToList();
        foreach (var (x, y) in onlyA.SelectMany(x => onlyB.Select(y => (x, y))).Take(MaxCrossPairs))
        {
            buckets.Add(Bucket(x < y ? $"x:{x}{y}" : $"x:{y}{x}"));
        }

        var indices = buckets.ToArray();
        var values = new float[indices.Length];
        Array.Fill(values, 1f);
        return new VBuffer<float>(1 << HashBits, indices.Length, values, indices);
    }

    private static HashSet<string> Grams(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            grams.Add(text.Substring(i, 1));
            if (i + 1 < text.Length)
            {
                grams.Add(text.Substring(i, 2));
            }
        }

        return grams;
    }

    /// <summary>FNV-1a, stable across processes.</summary>
    private static int Bucket(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & ((1u << HashBits) - 1));
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
