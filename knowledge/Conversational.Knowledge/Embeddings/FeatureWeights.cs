namespace Conversational.Knowledge.Embeddings;

/// <summary>
/// Inverse document frequencies of hashed features, fitted on the indexed corpus (2^<see cref="Bits"/> buckets), so
/// n-grams every question shares ("how", "my ", 我的) weigh less than the ones that tell questions apart.
/// </summary>
public sealed class FeatureWeights
{
    public const int Bits = 18;

    private readonly float[] _idf;

    private FeatureWeights(float[] idf) => _idf = idf;

    public float Weight(ulong hash) => _idf[(int)((hash >> 20) & ((1UL << Bits) - 1))];

    /// <summary>Smoothed IDF, ln((1 + n) / (1 + df)) + 1, of every bucket over <paramref name="texts"/>.</summary>
    public static FeatureWeights Fit(IEnumerable<string> texts, HashingEmbedderOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var frequencies = new int[1 << Bits];
        var seen = new HashSet<int>();
        var documents = 0;
        foreach (var text in texts)
        {
            documents++;
            seen.Clear();
            NgramFeatures.Extract(text, options, (hash, _) => seen.Add((int)((hash >> 20) & ((1UL << Bits) - 1))));
            foreach (var bucket in seen)
            {
                frequencies[bucket]++;
            }
        }

        var idf = new float[frequencies.Length];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = (float)(Math.Log((1.0 + documents) / (1.0 + frequencies[i])) + 1.0);
        }

        return new FeatureWeights(idf);
    }
}
