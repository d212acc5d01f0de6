using Conversational.Knowledge.Vectors;

namespace Conversational.Knowledge.Retrieval;

/// <summary>The payload a chunk's vector carries, so a vector index can filter by it.</summary>
public static class ChunkPayload
{
    public const string Entry = "entry";
    public const string Language = "language";
    public const string Channel = "channel";
    public const string Tag = "tag";

    /// <summary>The channel value of a chunk with no channel restriction.</summary>
    public const string AnyChannel = "*";

    public static VectorPoint Point(KnowledgeChunk chunk, ReadOnlyMemory<float> vector)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var payload = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Entry] = [chunk.EntryId],
            [Language] = [chunk.Language],
            [Channel] = chunk.Channels.Count == 0 ? [AnyChannel] : chunk.Channels,
            [Tag] = chunk.Tags,
        };
        return new VectorPoint(chunk.Id, vector, payload);
    }
}
