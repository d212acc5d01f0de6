using Conversational.Knowledge.Vectors;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// What a question may be answered from: chunks in the language, allowed on the channel, carrying one of the tags (when
/// given), and valid at the moment of the search. Null properties do not restrict.
/// </summary>
public sealed record SearchFilter(string? Language = null, string? Channel = null, IReadOnlyList<string>? AnyTags = null)
{
    public static readonly SearchFilter None = new();

    public bool Matches(KnowledgeChunk chunk, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return chunk.IsValidAt(now)
            && (Language is null || string.Equals(chunk.Language, Language, StringComparison.Ordinal))
            && (Channel is null || chunk.Channels.Count == 0 || chunk.Channels.Contains(Channel, StringComparer.Ordinal))
            && (AnyTags is not { Count: > 0 } || chunk.Tags.Any(tag => AnyTags.Contains(tag, StringComparer.Ordinal)));
    }

    /// <summary>
    /// The same conditions as payload conditions for an external vector index (validity is checked on the results, since
    /// payloads hold only strings). Channel-free chunks carry <see cref="ChunkPayload.AnyChannel"/>.
    /// </summary>
    public VectorFilter? ToVectorFilter()
    {
        var must = new List<PayloadCondition>();
        if (Language is not null)
        {
            must.Add(new PayloadCondition(ChunkPayload.Language, [Language]));
        }

        if (Channel is not null)
        {
            must.Add(new PayloadCondition(ChunkPayload.Channel, [Channel, ChunkPayload.AnyChannel]));
        }

        if (AnyTags is { Count: > 0 })
        {
            must.Add(new PayloadCondition(ChunkPayload.Tag, AnyTags));
        }

        return must.Count == 0 ? null : new VectorFilter(must);
    }
}
