using Microsoft.Extensions.AI;

namespace Conversational.Knowledge.Embeddings;

/// <summary>
/// The local, offline default embedder (本地哈希向量): no model weights, so it embeds what a text is made of — stemmed
/// words, word pairs, character n-grams inside words (typos, inflections) and CJK character 1–3-grams — each hashed to
/// one of <see cref="HashingEmbedderOptions.Dimensions"/> coordinates with a hashed sign (a sparse random projection of
/// the n-gram counts), weighted by <see cref="FeatureWeights"/> when fitted to the knowledge, sublinear in repeats, and
/// L2-normalized, so a dot product is a cosine.
/// </summary>
/// <remarks>
/// It finds what BM25 misses because it matches parts of words (refund/refunded/refunds, 信用卡/卡) and near-duplicate
/// phrasing, and it is deterministic: the same text always gives the same vector, on every host, so stored vectors stay
/// valid across restarts.
/// </remarks>
public sealed class HashingEmbedder(HashingEmbedderOptions options, FeatureWeights? weights = null)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id of unfitted vectors; a fitted embedder adds its weights' fingerprint.</summary>
    public const string BaseModelId = "hashing-ngram-v1";

    private EmbeddingGeneratorMetadata? _metadata;

    public HashingEmbedderOptions Options { get; } = options;

    /// <summary>Names the vectors this embedder makes: options and fit both change them.</summary>
    public string ModelId { get; } = $"{BaseModelId}-{options.Dimensions}" + (weights is null ? "" : "+" + weights.Fingerprint);

    /// <summary>The same options with weights fitted on (text, entry) rows (see <see cref="FeatureWeights"/>).</summary>
    public HashingEmbedder FitTo(IEnumerable<(string Text, string Entry)> rows) => new(Options, FeatureWeights.Fit(rows, Options));

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId, CreatedAt = null });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>The unit vector of <paramref name="text"/>; all zeros when it has no word or CJK character.</summary>
    public float[] Embed(string text)
    {
        var counts = new Dictionary<ulong, float>();
        NgramFeatures.Extract(text, Options, (hash, weight) => counts[hash] = counts.GetValueOrDefault(hash) + weight);
        var vector = new float[Options.Dimensions];
        foreach (var (hash, weight) in counts)
        {
            // Sublinear: a word said three times is not three times the evidence.
            var value = (weight <= 1f ? weight : 1f + MathF.Log(weight)) * (weights?.Weight(hash) ?? 1f);
            var index = (int)(hash % (ulong)vector.Length);
            vector[index] += (hash >> 63) == 0 ? value : -value;
        }

        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(vector, vector));
        if (norm > 0f)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata)
                ? _metadata ??= new EmbeddingGeneratorMetadata("conversational-local", defaultModelId: ModelId, defaultModelDimensions: Options.Dimensions)
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing to release: no model, no connection.
    }
}
