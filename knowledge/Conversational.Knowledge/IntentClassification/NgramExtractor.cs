using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>Receives the n-grams of a text as <see cref="NgramExtractor"/> finds them (a key per occurrence).</summary>
internal interface IFeatureSink
{
    void Add(ReadOnlySpan<char> key);
}

/// <summary>
/// The n-grams of a text for <see cref="TextFeaturizer"/>: normalization and cutting, then character n-grams (key
/// prefix <see cref="CharPrefix"/>) and word n-grams (<see cref="WordPrefix"/>), each handed to a sink by span.
/// </summary>
internal static class NgramExtractor
{
    /// <summary>Characters of a (normalized) text that are featurized; the rest is ignored.</summary>
    public const int MaxCharacters = 1_000;

    public const char WordPrefix = 'w';

    public const char CharPrefix = 'c';

    /// <summary>Character n-grams shorter than this are features only when made of Han or kana (and spaces).</summary>
    private const int ShortGramLength = 3;

    /// <summary>
    /// Words are cut to this many characters for the word n-grams, a crude stemmer (refunded, refunding → refund;
    /// transferred → transf) that lets "card arrived" and "card arriving" share a bigram. Character n-grams still see
    /// the whole word. Measured: +0.2 points on BANKING77 5-fold (4 folds of 5 better), no cost.
    /// </summary>
    private const int WordStemLength = 6;

    /// <summary>Normalizes, cuts, and turns every character that is not a letter or digit into one space, padded at both ends.</summary>
    public static string Prepare(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var length = Math.Min(normalized.Length, MaxCharacters);
        var buffer = new char[length + 2];
        var count = 0;
        buffer[count++] = ' ';
        for (var i = 0; i < length; i++)
        {
            var c = normalized[i];
            if (char.IsLetterOrDigit(c))
            {
                buffer[count++] = c;
            }
            else if (buffer[count - 1] != ' ')
            {
                buffer[count++] = ' ';
            }
        }

        if (buffer[count - 1] != ' ')
        {
            buffer[count++] = ' ';
        }

        return new string(buffer, 0, count);
    }

    public static void Extract(string text, int wordNgramLength, int charNgramMin, int charNgramMax, IFeatureSink sink)
    {
        Span<char> key = stackalloc char[256];

        // Character n-grams over the padded text. Grams shorter than ShortGramLength count only when made of Han or kana
        // (and word boundaries): Chinese words of one or two characters. Latin letters and digits that short say little
        // that words and trigrams do not, and every feature of a text costs training time.
        key[0] = CharPrefix;
        for (var n = charNgramMin; n <= charNgramMax; n++)
        {
            for (var start = 0; start + n <= text.Length; start++)
            {
                var gram = text.AsSpan(start, n);
                if (n < ShortGramLength && !IsIdeographicOrSpace(gram))
                {
                    continue;
                }

                gram.CopyTo(key[1..]);
                sink.Add(key[..(n + 1)]);
            }
        }

        // Word n-grams: tokens are runs of letters and digits, except that each Han or kana character stands alone.
        Span<Range> tokens = text.Length <= 512 ? stackalloc Range[text.Length] : new Range[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            if (IsIdeographic(text[i]))
            {
                i++;
            }
            else
            {
                while (i < text.Length && text[i] != ' ' && !IsIdeographic(text[i]))
                {
                    i++;
                }
            }

            tokens[count++] = new Range(start, i);
        }

        key[0] = WordPrefix;
        for (var n = 1; n <= wordNgramLength; n++)
        {
            for (var first = 0; first + n <= count; first++)
            {
                var length = 1;
                var fits = true;
                for (var j = first; j < first + n && fits; j++)
                {
                    var token = text.AsSpan(tokens[j]);
                    if (token.Length > WordStemLength)
                    {
                        token = token[..WordStemLength];
                    }

                    if (j > first)
                    {
                        key[length++] = ' ';
                    }

                    fits = length + token.Length < key.Length;
                    if (fits)
                    {
                        token.CopyTo(key[length..]);
                        length += token.Length;
                    }
                }

                if (fits)
                {
                    sink.Add(key[..length]);
                }
            }
        }
    }

    // True for Han and kana, with or without a word boundary: 打, 转人, " 打" (a first character); false for a lone space.
    private static bool IsIdeographicOrSpace(ReadOnlySpan<char> gram)
    {
        var ideographic = false;
        foreach (var c in gram)
        {
            if (IsIdeographic(c))
            {
                ideographic = true;
            }
            else if (c != ' ')
            {
                return false;
            }
        }

        return ideographic;
    }

    // Han (unified, extension A, compatibility) and kana.
    public static bool IsIdeographic(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or
            (>= '\u3040' and <= '\u30FF');
}
