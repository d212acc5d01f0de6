using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Escalation;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// Tolerant matching of what an agent said against concept groups (a disclosure's or an offer's pitch): every group
/// must be present, through any one of its alternatives, as a substring of the normalized text. Both sides are
/// normalized alike, so full-width forms, Traditional characters, case, spacing and punctuation never decide a match.
/// A Chinese alternative negated just before it (额度<b>不</b>占用, <b>不会</b>占用) does not count: saying the opposite of a
/// disclosure must not tick it. English negation is not read (the normalized text has no word boundaries left).
/// </summary>
public static class ConceptMatcher
{
    private static readonly ConditionalWeakTable<IReadOnlyList<IReadOnlyList<string>>, string[][]> Normalized = new();

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
    public static bool Covers(IReadOnlyList<IReadOnlyList<string>> concepts, string text) =>
        CoversNormalized(NormalizeConcepts(concepts), Normalize(text));

    /// <summary>
    /// The concepts with every alternative normalized, empty ones dropped. Kept per concepts list for as long as the
    /// list lives (the catalogue version holding it; catalogue lists are never changed in place): normalizing Chinese goes through ICU, and the copilot checks the
    /// same rules on every message.
    /// </summary>
    internal static string[][] NormalizeConcepts(IReadOnlyList<IReadOnlyList<string>> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        return Normalized.GetValue(concepts,
            list => [.. list.Select(group => group.Select(Normalize).Where(alternative => alternative.Length > 0).ToArray())]);
    }

    /// <summary><see cref="Covers"/> on concepts from <see cref="NormalizeConcepts"/> and a text from <see cref="Normalize"/>.</summary>
    internal static bool CoversNormalized(string[][] concepts, string normalizedText) =>
        concepts.Length > 0 && concepts.All(group => group.Any(alternative => Says(normalizedText, alternative)));

    private static bool Says(string text, string alternative)
    {
        for (var at = text.IndexOf(alternative, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alternative, at + 1, StringComparison.Ordinal))
        {
            if (!IsChinese(alternative[0]) || !Negation.Negates(text, at, englishCue: false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    // Braces of {variables} count as punctuation too, so a template's own wording matches like the filled-in text.
    private static bool IsPunctuation(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;
}
