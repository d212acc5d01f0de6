using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Answering;

/// <summary>
/// What of an entry is searched (切片): a FAQ by its title and each question variant, an article by its title and
/// <see cref="TextChunker"/> pieces of its answer. Chunk ids are <c>entryId#n</c>, numbered from 0, so a re-index
/// replaces an entry's chunks in place and removes the ones past its new count.
/// </summary>
public static class EntryChunks
{
    private static readonly TextChunker Chunker = new();

    public static IReadOnlyList<KnowledgeChunk> Of(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var texts = content.Kind == KnowledgeKind.Faq
            ? content.Questions.Prepend(content.Title)
            : Chunker.Split(content.Answer).Prepend(content.Title);
        return [.. texts.Where(text => text.Length > 0).Distinct(StringComparer.Ordinal)
            .Select((text, n) => new KnowledgeChunk(Id(content.Id, n), content.Id, text, content.Title, content.Language,
                content.Channels, content.Tags, content.ValidFrom, content.ValidUntil))];
    }

    public static string Id(string entryId, int n) => $"{entryId}#{n}";
}
