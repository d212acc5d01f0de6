using System.Buffers;
using System.Globalization;
using System.Text;

namespace Conversational.Knowledge.Understanding;

/// <summary>
/// Folds the many ways customers type the same words into one form before anything matches on them: full-width
/// letters, digits and punctuation (全角 → 半角, NFKC), upper case, runs of spaces and line breaks, invisible control and
/// zero-width characters, and Traditional Chinese (繁体 → 简体, so 帳單分期 reads as 账单分期). Pure and idempotent:
/// normalizing normalized text changes nothing, so every component may normalize what it is given.
/// </summary>
/// <remarks>
/// The Traditional → Simplified step uses ICU's <c>Hant-Hans</c> transliterator from the system libicu. Without ICU
/// the rest still applies and <see cref="ConvertsTraditionalChinese"/> is false; nothing throws.
/// </remarks>
public static class TextNormalizer
{
    private const char ZeroWidthJoiner = '\u200D';
    private const char EmojiPresentation = '\uFE0F';

    private static readonly Lazy<IcuTransliterator?> TraditionalToSimplified =
        new(() => IcuTransliterator.TryCreate("Hant-Hans"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether Traditional Chinese is converted; false when the system's ICU could not be loaded (log it once).</summary>
    public static bool ConvertsTraditionalChinese => TraditionalToSimplified.Value is not null;

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Invisible characters go first: NFKC rejects broken surrogate pairs, which pasted text sometimes has.
        var visible = RemoveInvisible(text).Normalize(NormalizationForm.FormKC);
        var spaced = CollapseWhitespace(visible);
        var simplified = HasHan(spaced) ? FoldAccountCharacter(ToSimplified(spaced)) : spaced;
        return simplified.ToLowerInvariant();
    }

    // Drops control characters (a line break or tab becomes a space), zero-width and direction marks, and unpaired
    // surrogates. A zero-width joiner that glues an emoji sequence (👨‍👩‍👧) is kept, and so are emoji tag characters.
    private static string RemoveInvisible(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previous = default(Rune);
        for (var index = 0; index < text.Length;)
        {
            var start = index;
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            index += consumed;
            if (status != OperationStatus.Done)
            {
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Control)
            {
                if (Rune.IsWhiteSpace(rune))
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (category == UnicodeCategory.Format && rune.IsBmp && !(rune.Value == ZeroWidthJoiner && IsEmojiPart(previous)))
            {
                continue;
            }

            builder.Append(text, start, consumed);
            previous = rune;
        }

        return builder.ToString();
    }

    private static bool IsEmojiPart(Rune rune) =>
        !rune.IsBmp || rune.Value == EmojiPresentation ||
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol;

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd(' ');
    }

    private static string ToSimplified(string text) =>
        TraditionalToSimplified.Value is { } transliterator ? transliterator.Transliterate(text) : text;

    // 帳 has two simplified forms: 账 (accounts, bills) and 帐 (tents, curtains). ICU picks 帐, and customers often type
    // 帐单 too, but for a bank or a shop it is almost always 账; only the curtain words keep 帐.
    private static string FoldAccountCharacter(string text)
    {
        if (!text.Contains('帐', StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var before = i > 0 ? chars[i - 1] : ' ';
            var after = i + 1 < chars.Length ? chars[i + 1] : ' ';
            if (chars[i] == '帐' && !"篷幕幔子".Contains(after, StringComparison.Ordinal) && !"蚊营床帷".Contains(before, StringComparison.Ordinal))
            {
                chars[i] = '账';
            }
        }

        return new string(chars);
    }

    private static bool HasHan(string text) => TextLanguage.Detect(text) == TextLanguage.Chinese;
}
