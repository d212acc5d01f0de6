using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// The trainer console's filter over entries (not the bot's retrieval, which ranks): every word of
/// <paramref name="Text"/> must occur in the entry's id, title, questions, answer or tags, all folded by
/// <see cref="TextNormalizer"/> so full-width, upper-case or Traditional input (帳單分期) finds the entry (账单分期).
/// </summary>
/// <param name="Text">Words separated by spaces; null or blank matches every entry.</param>
/// <param name="Language">Exact language (<c>zh-CN</c>, <c>en</c>), or null for both.</param>
/// <param name="Status">Only active or only retired entries, or null for both.</param>
/// <param name="Tag">Entries with this business tag, or null.</param>
public sealed record KnowledgeFilter(string? Text = null, string? Language = null, KnowledgeStatus? Status = null, string? Tag = null)
{
    /// <param name="searchText">The entries' normalized text, kept between calls.</param>
    public IReadOnlyList<KnowledgeEntry> Apply(IEnumerable<KnowledgeEntry> entries, KnowledgeSearchText searchText)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(searchText);
        var words = TextNormalizer.Normalize(Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return
        [
            .. entries.Where(entry =>
                (Language is null || string.Equals(entry.Content.Language, Language, StringComparison.OrdinalIgnoreCase)) &&
                (Status is null || entry.Status == Status) &&
                (Tag is null || entry.Content.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase)) &&
                (words.Length == 0 || Contains(searchText.Of(entry), words))),
        ];
    }

    private static bool Contains(string text, string[] words) => words.All(word => text.Contains(word, StringComparison.Ordinal));
}
