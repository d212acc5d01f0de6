using System.Collections.Frozen;

namespace Conversational.Knowledge.Matching;

/// <summary>
/// A question encoder learned from the labelled pairs themselves (a siamese bag of character 1–2-grams): each n-gram
/// has a small dense vector, a question is the TF-IDF-weighted sum of its n-grams' vectors, and two questions are alike
/// by the cosine of their sums. Trained by stochastic gradient descent (AdaGrad) on the logistic loss of
/// <c>scale × cosine + bias</c> against the pair's label.
/// </summary>
/// <remarks>
/// Why: overlap features cannot know that 用不了 and 不能用, or 提额 and 提高额度, say the same thing, and that 花呗 and
/// 借呗 do not; pairs labelled "same" teach the n-grams that stand for one another to point the same way. It is one
/// feature of <see cref="QuestionMatcher"/>, given out-of-fold so the trees do not trust it more than it deserves.
/// </remarks>
internal sealed class PairEncoder
{
    private readonly FrozenDictionary<string, int> _vocabulary;
    private readonly float[] _idf;
    private readonly float[] _vectors;
    private readonly int _dimensions;

    private PairEncoder(FrozenDictionary<string, int> vocabulary, float[] idf, float[] vectors, int dimensions)
    {
        _vocabulary = vocabulary;
        _idf = idf;
        _vectors = vectors;
        _dimensions = dimensions;
    }

    public static PairEncoder Train(IReadOnlyList<QuestionPair> pairs, QuestionMatcherOptions options)
    {
        var prepared = pairs.Select(pair => (A: PairFeaturizer.Prepare(pair.Text1), B: PairFeaturizer.Prepare(pair.Text2), pair.Same))
            .ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in prepared.SelectMany(pair => new[] { pair.A, pair.B }))
        {
            foreach (var gram in Grams(text).Distinct())
            {
                frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
            }
        }

        var kept = frequency.Where(pair => pair.Value >= 2).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        var vocabulary = kept.Select((gram, index) => (gram, index)).ToFrozenDictionary(x => x.gram, x => x.index, StringComparer.Ordinal);
        var documents = prepared.Count * 2f;
        var idf = kept.Select(gram => MathF.Log(documents / frequency[gram])).ToArray();

        var d = options.EncoderDimensions;
        var random = new Random(options.Seed);
        var vectors = new float[kept.Count * d];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (float)(random.NextDouble() - 0.5) * 0.2f;
        }

        var encoder = new PairEncoder(vocabulary, idf, vectors, d);
        var bags = prepared.Select(pair => (A: encoder.ToBag(pair.A), B: encoder.ToBag(pair.B), Target: pair.Same ? 1f : 0f)).ToArray();
        encoder.Fit(bags, options, random);
        return encoder;
    }

    /// <summary>Cosine of the two questions' encodings; 0 when either has no known n-gram.</summary>
    public float Similarity(string text1, string text2)
    {
        var u = new float[_dimensions];
        var v = new float[_dimensions];
        Encode(ToBag(PairFeaturizer.Prepare(text1)), u);
        Encode(ToBag(PairFeaturizer.Prepare(text2)), v);
        var (cosine, _, _) = Cosine(u, v);
        return cosine;
    }

    private void Fit((Bag A, Bag B, float Target)[] bags, QuestionMatcherOptions options, Random random)
    {
        var d = _dimensions;
        var squaredGradients = new float[_vectors.Length / d];
        Array.Fill(squaredGradients, 1e-6f);
        float scale = 5, bias = -2;
        var u = new float[d];
        var v = new float[d];
        var du = new float[d];
        var dv = new float[d];
        var order = Enumerable.Range(0, bags.Length).ToArray();
        for (var epoch = 0; epoch < options.EncoderEpochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (a, b, target) = bags[index];
                if (a.Ids.Length == 0 || b.Ids.Length == 0)
                {
                    continue;
                }

                Encode(a, u);
                Encode(b, v);
                var (cosine, normU, normV) = Cosine(u, v);
                var probability = 1 / (1 + MathF.Exp(-(scale * cosine + bias)));
                var error = probability - target;
                var dCosine = error * scale;
                for (var k = 0; k < d; k++)
                {
                    du[k] = dCosine * (v[k] / (normU * normV) - cosine * u[k] / (normU * normU));
                    dv[k] = dCosine * (u[k] / (normU * normV) - cosine * v[k] / (normV * normV));
                }

                scale -= options.EncoderLearningRate * 0.1f * error * cosine;
                bias -= options.EncoderLearningRate * 0.1f * error;
                Update(a, du, squaredGradients, options.EncoderLearningRate);
                Update(b, dv, squaredGradients, options.EncoderLearningRate);
            }
        }
    }

    /// <summary>AdaGrad with one accumulator per n-gram (the mean squared gradient of its row).</summary>
    private void Update(Bag bag, float[] gradient, float[] squaredGradients, float learningRate)
    {
        var d = _dimensions;
        var norm = 0f;
        for (var k = 0; k < d; k++)
        {
            norm += gradient[k] * gradient[k];
        }

        for (var i = 0; i < bag.Ids.Length; i++)
        {
            var id = bag.Ids[i];
            var weight = bag.Weights[i];
            squaredGradients[id] += weight * weight * norm / d;
            var step = learningRate * weight / MathF.Sqrt(squaredGradients[id]);
            var row = _vectors.AsSpan(id * d, d);
            for (var k = 0; k < d; k++)
            {
                row[k] -= step * gradient[k];
            }
        }
    }

    private void Encode(Bag bag, float[] into)
    {
        Array.Clear(into);
        for (var i = 0; i < bag.Ids.Length; i++)
        {
            var row = _vectors.AsSpan(bag.Ids[i] * _dimensions, _dimensions);
            var weight = bag.Weights[i];
            for (var k = 0; k < _dimensions; k++)
            {
                into[k] += weight * row[k];
            }
        }
    }

    private static (float Cosine, float NormU, float NormV) Cosine(float[] u, float[] v)
    {
        float dot = 0, uu = 0, vv = 0;
        for (var k = 0; k < u.Length; k++)
        {
            dot += u[k] * v[k];
            uu += u[k] * u[k];
            vv += v[k] * v[k];
        }

        var normU = MathF.Sqrt(uu) + 1e-6f;
        var normV = MathF.Sqrt(vv) + 1e-6f;
        return (dot / (normU * normV), normU, normV);
    }

    /// <summary>A question's known n-grams and their L2-normalized TF-IDF weights.</summary>
    private Bag ToBag(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var gram in Grams(text))
        {
            if (_vocabulary.TryGetValue(gram, out var id))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        var ids = counts.Keys.ToArray();
        var weights = ids.Select(id => (1 + MathF.Log(counts[id])) * _idf[id]).ToArray();
        var norm = MathF.Sqrt(weights.Sum(w => w * w));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= norm;
        }

        return new Bag(ids, weights);
    }

    private static IEnumerable<string> Grams(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            yield return text.Substring(i, 1);
            if (i + 1 < text.Length)
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    private sealed record Bag(int[] Ids, float[] Weights);
}
