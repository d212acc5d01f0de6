namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// One searchable piece of knowledge (知识片段): a question variant of an FAQ entry, or a chunk of a long article. Retrieval
/// ranks chunks; answers cite the parent entry.
/// </summary>
/// <param name="Id">Unique among chunks, stable across re-imports (e.g. <c>entry-id#2</c>).</param>
/// <param name="EntryId">The entry the chunk belongs to, which an answer cites.</param>
/// <param name="Language">E.g. <c>zh-CN</c> or <c>en</c>.</param>
/// <param name="Channels">The channels the entry may be answered on; empty: every channel.</param>
/// <param name="Tags">Business tags (业务标签), e.g. <c>installments</c>.</param>
/// <param name="ValidFrom">Not answered before this moment; null: always was.</param>
/// <param name="ValidUntil">Not answered from this moment on; null: never expires.</param>
public sealed record KnowledgeChunk(
    string Id,
    string EntryId,
    string Text,
    string Title,
    string Language,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Tags,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null)
{
    /// <summary>A plain chunk with no title, channel, tag or validity restriction.</summary>
    public static KnowledgeChunk Plain(string id, string entryId, string text, string language) =>
        new(id, entryId, text, "", language, [], []);

    public bool IsValidAt(DateTimeOffset moment) =>
        (ValidFrom is null || ValidFrom <= moment) && (ValidUntil is null || moment < ValidUntil);
}
