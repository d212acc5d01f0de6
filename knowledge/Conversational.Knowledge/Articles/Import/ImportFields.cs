using System.Globalization;

namespace Conversational.Knowledge.Articles.Import;

/// <summary>How the text formats (Markdown front matter, CSV) spell the fields that are not plain text.</summary>
internal static class ImportFields
{
    /// <summary>Every field an entry has, by its name in files.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "kind", "title", "questions", "answer", "language", "tags", "channels", "validFrom", "validUntil", "owner",
    };

    public static KnowledgeKind Kind(string text, string source, int line) =>
        text.Trim().ToLowerInvariant() switch
        {
            "" or "faq" => KnowledgeKind.Faq,
            "article" => KnowledgeKind.Article,
            _ => throw new KnowledgeImportException(source, line, $"kind: '{text}' is neither faq nor article."),
        };

    /// <summary>An instant with its offset, ISO 8601 (<c>2026-12-01T00:00:00+08:00</c>); empty is none.</summary>
    public static DateTimeOffset? Instant(string field, string text, string source, int line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Without an offset the same file would mean different instants on different servers, so one is required.
        var trimmed = text.Trim();
        var hasOffset = DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) &&
            parsed.Kind != DateTimeKind.Unspecified;
        return hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new KnowledgeImportException(source, line,
                $"{field}: '{text}' is not a date and time with its offset, e.g. 2026-12-01T00:00:00+08:00.");
    }
}
