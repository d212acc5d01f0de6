using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Embeddings;

/// <summary>The hashed features <see cref="HashingEmbedder"/> and <see cref="FeatureWeights"/> count, each with its weight.</summary>
internal static class NgramFeatures
{
    private const ulong WordSeed = 0x9E3779B97F4A7C15;
    private const ulong PairSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong CharSeed = 0x165667B19E3779F9;
    private const ulong CjkSeed = 0x27D4EB2F165667C5;

    public static void Extract(string text, HashingEmbedderOptions options, Action<ulong, float> add)
    {
        ulong? previousWord = null;
        Span<char> padded = stackalloc char[TextSegments.MaxCharacters + 2];
        foreach (var segment in TextSegments.Split(text))
        {
            var value = segment.Text.AsSpan();
            if (segment.IsCjk)
            {
                previousWord = null;
                for (var i = 0; i < value.Length; i++)
                {
                    add(Hash(CjkSeed, value.Slice(i, 1)), options.CjkUnigramWeight);
                    if (i + 2 <= value.Length)
                    {
                        add(Hash(CjkSeed, value.Slice(i, 2)), options.CjkBigramWeight);
                    }

                    if (i + 3 <= value.Length)
                    {
                        add(Hash(CjkSeed, value.Slice(i, 3)), options.CjkTrigramWeight);
                    }
                }

                continue;
            }

            var stem = value[..Math.Min(value.Length, LexicalAnalyzer.StemLength)];
            var word = Hash(WordSeed, stem);
            add(word, options.WordWeight);
            if (previousWord is { } previous)
            {
                add(Mix(PairSeed ^ previous, word), options.WordPairWeight);
            }

            previousWord = word;
            padded[0] = ' ';
            value.CopyTo(padded[1..]);
            padded[value.Length + 1] = ' ';
            var withEdges = padded[..(value.Length + 2)];
            for (var n = options.CharGramMin; n <= options.CharGramMax; n++)
            {
                for (var i = 0; i + n <= withEdges.Length; i++)
                {
                    add(Hash(CharSeed + (ulong)n, withEdges.Slice(i, n)), options.CharGramWeight);
                }
            }
        }
    }

    /// <summary>FNV-1a over the characters, then a 64-bit finalizer so every bit (bucket and sign) is well mixed.</summary>
    private static ulong Hash(ulong seed, ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Finalize(hash);
    }

    private static ulong Mix(ulong a, ulong b) => Finalize((a * 31) ^ b);

    private static ulong Finalize(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CEB93FE1A85EC5;
        return hash ^ (hash >> 33);
    }
}
