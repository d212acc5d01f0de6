using System.Collections.Concurrent;
using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// Each entry's id, title, questions, answer and tags folded by <see cref="TextNormalizer"/>, kept per entry version:
/// normalizing (Traditional → Simplified through ICU above all) costs far more than searching, so the console's
/// filter pays it once per version rather than once per request. One per process; it holds one text per entry id.
/// </summary>
public sealed class KnowledgeSearchText
{
    private readonly ConcurrentDictionary<string, (int Version, string Text)> _texts = new(StringComparer.Ordinal);

    public string Of(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_texts.TryGetValue(entry.Id, out var cached) && cached.Version == entry.Version)
        {
            return cached.Text;
        }

        var content = entry.Content;
        var text = TextNormalizer.Normalize(string.Join('\n', [entry.Id, content.Title, .. content.Questions, content.Answer, .. content.Tags]));
        _texts[entry.Id] = (entry.Version, text);
        return text;
    }
}
