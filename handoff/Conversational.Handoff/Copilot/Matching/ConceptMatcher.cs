using System.Globalization;
using System.Text;
using Conversational.Knowledge.Understanding;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// Tolerant matching of what an agent said against concept groups (a disclosure's or an offer's pitch): every group
/// must be present, through any one of its alternatives, as a substring of the normalized text. Both sides are
/// normalized alike, so full-width forms, Traditional characters, case, spacing and punctuation never decide a match.
/// </summary>
public static class ConceptMatcher
{
    /// <summary>
    /// <see cref="TextNormalizer.Normalize"/> (NFKC, lower case, Traditional → Simplified), then without whitespace and
    /// punctuation. The percent sign stays: "3%" must not become a bare 3 that any number would match.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var kept = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '%' || !(char.IsWhiteSpace(c) || IsPunctuation(c)))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>True when every group has an alternative in <paramref name="text"/>; no groups → false (nothing to recognize).</summary>
    public static bool Covers(IReadOnlyList<IReadOnlyList<string>> concepts, string text)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(text);
        if (concepts.Count == 0)
        {
            return false;
        }

        var normalized = Normalize(text);
        return concepts.All(group => group.Any(alternative => Normalize(alternative) is { Length: > 0 } needle
            && normalized.Contains(needle, StringComparison.Ordinal)));
    }

    // Braces of {variables} count as punctuation too, so a template's own wording matches like the filled-in text.
    private static bool IsPunctuation(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;
}
