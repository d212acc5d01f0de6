namespace Conversational.Knowledge.Vectors;

/// <summary>One indexed vector and the payload filters test (language, channels, business tags…).</summary>
/// <param name="Payload">Multi-valued, because an entry can carry several tags or channels.</param>
public sealed record VectorPoint(string Id, ReadOnlyMemory<float> Vector, IReadOnlyDictionary<string, IReadOnlyList<string>> Payload);

/// <summary>A search hit: the point's id and its cosine similarity to the query.</summary>
public sealed record VectorMatch(string Id, float Score);
