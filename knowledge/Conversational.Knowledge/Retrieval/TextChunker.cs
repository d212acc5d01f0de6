using System.Text;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Cuts a long article into chunks (分块) of at most <see cref="MaxCharacters"/>, on paragraph and sentence boundaries
/// (。！？； as well as . ! ? ; followed by a space), each chunk repeating the previous chunk's last sentence when that
/// fits in <see cref="OverlapCharacters"/>, so an answer that straddles a cut is still found whole in one chunk. A
/// sentence longer than the budget is cut at the last space before it (anywhere, for CJK text).
/// </summary>
public sealed record TextChunker(int MaxCharacters = 600, int OverlapCharacters = 150)
{
    public IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCharacters, 20);
        var chunks = new List<string>();
        var current = new List<string>();
        var length = 0;
        foreach (var (sentence, startsParagraph) in Sentences(text))
        {
            if (length > 0 && length + sentence.Length + 1 > MaxCharacters)
            {
                chunks.Add(Join(current));
                var last = current[^1];
                current.Clear();
                length = 0;
                if (last.Length <= OverlapCharacters && last.Length + sentence.Length + 1 <= MaxCharacters)
                {
                    current.Add(last.TrimStart('\n'));
                    length = last.Length;
                }
            }

            current.Add(startsParagraph && length > 0 ? "\n" + sentence : sentence);
            length += sentence.Length + 1;
        }

        if (current.Count > 0)
        {
            chunks.Add(Join(current));
        }

        return chunks;
    }

    private static string Join(List<string> sentences)
    {
        var builder = new StringBuilder();
        foreach (var sentence in sentences)
        {
            // Latin sentences need a space between them; CJK ones, and a new paragraph's line break, do not.
            if (builder.Length > 0 && sentence[0] != '\n' && !TextSegments.IsCjk(builder[^1]) && !TextSegments.IsCjk(sentence[0]))
            {
                builder.Append(' ');
            }

            builder.Append(sentence);
        }

        return builder.ToString();
    }

    private IEnumerable<(string Sentence, bool StartsParagraph)> Sentences(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var paragraph in paragraphs)
        {
            var first = true;
            var start = 0;
            for (var i = 0; i < paragraph.Length; i++)
            {
                var end = paragraph[i] is '。' or '！' or '？' or '；'
                    || (paragraph[i] is '.' or '!' or '?' or ';' && (i + 1 == paragraph.Length || paragraph[i + 1] == ' '));
                if (end || i + 1 == paragraph.Length)
                {
                    foreach (var piece in Fit(paragraph[start..(i + 1)].Trim()))
                    {
                        yield return (piece, first);
                        first = false;
                    }

                    start = i + 1;
                }
            }
        }
    }

    // A sentence over the budget becomes pieces that fit, cut at a space where there is one.
    private IEnumerable<string> Fit(string sentence)
    {
        while (sentence.Length > MaxCharacters)
        {
            var cut = sentence.LastIndexOf(' ', MaxCharacters - 1, MaxCharacters / 2);
            cut = cut > 0 ? cut : MaxCharacters;
            if (char.IsHighSurrogate(sentence[cut - 1]))
            {
                cut--;
            }

            yield return sentence[..cut].Trim();
            sentence = sentence[cut..].Trim();
        }

        if (sentence.Length > 0)
        {
            yield return sentence;
        }
    }
}
