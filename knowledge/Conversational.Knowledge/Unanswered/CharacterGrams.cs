using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// A question's surface form for clustering: the set of its character n-grams after <see cref="TextSegments"/>
/// (normalized, punctuation dropped) — neighbouring CJK characters, and each word's character 3-grams with
/// its edges — compared by the Dice coefficient. It catches near-copies (typos, 繁简, extra particles) that a hashed
/// embedding may spread apart.
/// </summary>
public sealed class CharacterGrams
{
    private readonly HashSet<string> _grams;

    private CharacterGrams(HashSet<string> grams) => _grams = grams;

    public static CharacterGrams Of(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in TextSegments.Split(text))
        {
            var value = segment.Text;
            if (segment.IsCjk)
            {
                // Pairs only: single characters such as 可, 以, 吗 are shared by every "可以…吗" and would pull questions together.
                if (value.Length == 1)
                {
                    grams.Add(value);
                }

                for (var i = 0; i + 1 < value.Length; i++)
                {
                    grams.Add(value.Substring(i, 2));
                }

                continue;
            }

            var padded = " " + value + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                grams.Add(padded.Substring(i, 3));
            }
        }

        return new CharacterGrams(grams);
    }

    /// <summary>2·|A∩B| / (|A|+|B|), 0–1; two empty texts are not alike.</summary>
    public double Dice(CharacterGrams other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_grams.Count + other._grams.Count == 0)
        {
            return 0;
        }

        var (small, large) = _grams.Count <= other._grams.Count ? (_grams, other._grams) : (other._grams, _grams);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (_grams.Count + other._grams.Count);
    }
}
