using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Cuts normalized text into what search matches on: words (runs of letters and digits) and CJK runs (汉字, kana,
/// hangul), which have no spaces and are matched by their characters and character n-grams instead of a segmenter.
/// Punctuation, symbols and emoji separate segments and are dropped, so no query character has a meaning of its own.
/// </summary>
public static class TextSegments
{
    /// <summary>Characters of a text that search looks at; a pasted 10,000-character message is cut, not refused.</summary>
    public const int MaxCharacters = 2_000;

    /// <summary>The segments of <paramref name="text"/>, normalized with <see cref="TextNormalizer"/>, in order.</summary>
    public static List<Segment> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text.Length > MaxCharacters * 2 ? text[..(MaxCharacters * 2)] : text);
        var span = normalized.AsSpan(0, Math.Min(normalized.Length, MaxCharacters));
        var segments = new List<Segment>();
        var start = 0;
        while (start < span.Length)
        {
            var kind = KindOf(span[start]);
            if (kind is null)
            {
                start++;
                continue;
            }

            var end = start + 1;
            while (end < span.Length && KindOf(span[end]) == kind)
            {
                end++;
            }

            segments.Add(new Segment(span[start..end].ToString(), kind == SegmentKind.Cjk));
            start = end;
        }

        return segments;
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    private static SegmentKind? KindOf(char c) =>
        IsCjk(c) ? SegmentKind.Cjk
        : char.IsLetterOrDigit(c) ? SegmentKind.Word
        : null;

    private enum SegmentKind
    {
        Word,
        Cjk,
    }
}

/// <summary>A word, or a run of CJK characters (<see cref="IsCjk"/>).</summary>
public readonly record struct Segment(string Text, bool IsCjk);
