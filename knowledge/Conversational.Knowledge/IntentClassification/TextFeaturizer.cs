namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// Turns a text into the sparse vector the intent model reads: word 1–2-grams and character n-grams, each block weighed
/// by sublinear TF (1 + ln tf) × smoothed IDF and L2-normalized on its own, the two blocks then joined into one unit
/// vector (so a dot product of two vectors is their cosine).
/// </summary>
/// <remarks>
/// <para>Why two blocks: words carry meaning ("refund", "top up") and word bigrams carry short phrases ("not working");
/// character n-grams carry what words miss: typos, inflections (refund/refunded), and Chinese, which has no spaces, so
/// its characters and their runs are its words. Normalizing each block on its own stops the many character n-grams of a
/// text from drowning its few words.</para>
/// <para>Tokens: letters and digits form words (cut to their first six characters); every Han (or kana) character is a
/// word of its own, so word bigrams over Chinese are character bigrams. Punctuation and symbols separate tokens and are
/// dropped. Character n-grams run over the text with punctuation turned into spaces and a space added at each end, so
/// " re" marks a word start. <see cref="NgramExtractor"/> finds them.</para>
/// <para>Built once from the training texts (vocabulary and document frequencies); extraction then looks each n-gram up
/// by span, without making a string of it. Texts longer than <see cref="NgramExtractor.MaxCharacters"/> are cut: the
/// intent of a customer message is in its first sentences, and the cut bounds the time one prediction takes.</para>
/// </remarks>
internal sealed class TextFeaturizer
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly float[] _idf;
    private readonly bool[] _isWord;

    private TextFeaturizer(Dictionary<string, int> vocabulary, float[] idf, int wordNgramLength, int charNgramMin, int charNgramMax,
        float wordWeight)
    {
        _vocabulary = vocabulary;
        _lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _idf = idf;
        _isWord = new bool[idf.Length];
        foreach (var (key, index) in vocabulary)
        {
            _isWord[index] = key[0] == NgramExtractor.WordPrefix;
        }

        WordNgramLength = wordNgramLength;
        CharNgramMin = charNgramMin;
        CharNgramMax = charNgramMax;
        WordWeight = wordWeight;
    }

    public int Dimension => _idf.Length;

    public int WordNgramLength { get; }

    public int CharNgramMin { get; }

    public int CharNgramMax { get; }

    /// <summary>Share of the vector's weight on the word block (the character block has the rest).</summary>
    public float WordWeight { get; }

    /// <summary>
    /// Builds the vocabulary from (raw) training texts: every n-gram found in at least <paramref name="minDocumentFrequency"/>
    /// texts, at most <paramref name="maxFeatures"/> of them (the most frequent; ties by ordinal order, so a build is
    /// reproducible).
    /// </summary>
    public static TextFeaturizer Build(IEnumerable<string> texts, int wordNgramLength, int charNgramMin, int charNgramMax,
        float wordWeight, int minDocumentFrequency, int maxFeatures)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = 0;
        var sink = new CountingSink(seen);
        foreach (var text in texts)
        {
            documents++;
            seen.Clear();
            NgramExtractor.Extract(NgramExtractor.Prepare(text), wordNgramLength, charNgramMin, charNgramMax, sink);
            foreach (var key in seen)
            {
                frequencies[key] = frequencies.GetValueOrDefault(key) + 1;
            }
        }

        var kept = frequencies.Where(pair => pair.Value >= minDocumentFrequency)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(maxFeatures)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        var vocabulary = new Dictionary<string, int>(kept.Count, StringComparer.Ordinal);
        var idf = new float[kept.Count];
        foreach (var (key, frequency) in kept)
        {
            idf[vocabulary.Count] = (float)(Math.Log((1.0 + documents) / (1.0 + frequency)) + 1.0);
            vocabulary.Add(key, vocabulary.Count);
        }

        return new TextFeaturizer(vocabulary, idf, wordNgramLength, charNgramMin, charNgramMax, wordWeight);
    }

    /// <summary>
    /// The unit vector of a raw text as sorted feature indices and their values, written into <paramref name="vector"/>
    /// (cleared first). A text with no known n-gram gives an empty vector. With <paramref name="known"/>, only the
    /// features it marks count (as if the vocabulary had only those).
    /// </summary>
    public void Featurize(string text, SparseVector vector, bool[]? known = null)
    {
        vector.Clear();
        var sink = new LookupSink(this, vector, known);
        NgramExtractor.Extract(NgramExtractor.Prepare(text), WordNgramLength, CharNgramMin, CharNgramMax, sink);
        vector.SortAndMerge();
        var wordNorm = 0.0;
        var charNorm = 0.0;
        for (var i = 0; i < vector.Count; i++)
        {
            var index = vector.Indices[i];
            var value = (1f + MathF.Log(vector.Values[i])) * _idf[index];
            vector.Values[i] = value;
            if (_isWord[index])
            {
                wordNorm += value * value;
            }
            else
            {
                charNorm += value * value;
            }
        }

        // Each block to the length of its weight's square root, so the whole vector has length 1; a text with only one
        // block (a lone Han character has no character n-gram of length 3) gives that block all the length.
        var (wordShare, charShare) = (wordNorm > 0, charNorm > 0) switch
        {
            (true, true) => (WordWeight, 1 - WordWeight),
            (true, false) => (1f, 0f),
            _ => (0f, 1f),
        };
        var wordScale = wordNorm > 0 ? (float)Math.Sqrt(wordShare / wordNorm) : 0f;
        var charScale = charNorm > 0 ? (float)Math.Sqrt(charShare / charNorm) : 0f;

        for (var i = 0; i < vector.Count; i++)
        {
            vector.Values[i] *= _isWord[vector.Indices[i]] ? wordScale : charScale;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(WordNgramLength);
        writer.Write(CharNgramMin);
        writer.Write(CharNgramMax);
        writer.Write(WordWeight);
        writer.Write(_idf.Length);
        foreach (var (key, index) in _vocabulary.OrderBy(pair => pair.Value))
        {
            writer.Write(key);
            writer.Write(_idf[index]);
        }
    }

    public static TextFeaturizer Read(BinaryReader reader)
    {
        var wordNgramLength = reader.ReadInt32();
        var charNgramMin = reader.ReadInt32();
        var charNgramMax = reader.ReadInt32();
        var wordWeight = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("The model's vocabulary size is negative.");
        }

        var vocabulary = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var idf = new float[count];
        for (var i = 0; i < count; i++)
        {
            vocabulary.Add(reader.ReadString(), i);
            idf[i] = reader.ReadSingle();
        }

        return new TextFeaturizer(vocabulary, idf, wordNgramLength, charNgramMin, charNgramMax, wordWeight);
    }

    private sealed class CountingSink(HashSet<string> seen) : IFeatureSink
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();

        public void Add(ReadOnlySpan<char> key) => _lookup.Add(key);
    }

    private sealed class LookupSink(TextFeaturizer featurizer, SparseVector vector, bool[]? known) : IFeatureSink
    {
        public void Add(ReadOnlySpan<char> key)
        {
            if (featurizer._lookup.TryGetValue(key, out var index) && (known is null || known[index]))
            {
                vector.Append(index, 1f);
            }
        }
    }
}
