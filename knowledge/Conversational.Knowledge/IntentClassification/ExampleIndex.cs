namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// The training examples' vectors in an inverted index, to find for a text the most similar example of every label
/// (cosine of the <see cref="TextFeaturizer"/> vectors): the nearest-neighbour half of the intent model.
/// </summary>
/// <remarks>
/// <para>Why: a linear model learns what a label's examples share; it can miss an utterance that is nearly one example
/// it saw (a product or TV-show name said once). The best similarity per label remembers those, and it says how far a
/// text is from everything seen, which helps tell out-of-scope texts.</para>
/// <para>Speed: a feature found in more than <see cref="MaxPostingShare"/> of the examples (a frequent letter, "the",
/// 的) is left out of the index: walking its long list would cost most of the time and, weighed down by IDF, it adds
/// little to a similarity. So a similarity here is the cosine over the rarer features, a slight underestimate.</para>
/// </remarks>
internal sealed class ExampleIndex
{
    /// <summary>Features in more than this share of the examples are not indexed.</summary>
    public const float MaxPostingShare = 0.02f;

    /// <summary>Lists shorter than this are always indexed, so small training sets keep their common features.</summary>
    public const int MinPostingCap = 50;

    [ThreadStatic]
    private static float[]? t_similarities;

    [ThreadStatic]
    private static int[]? t_touched;

    private readonly int[] _starts;
    private readonly int[] _examples;
    private readonly float[] _values;
    private readonly int[] _targets;

    private ExampleIndex(int[] starts, int[] examples, float[] values, int[] targets)
    {
        _starts = starts;
        _examples = examples;
        _values = values;
        _targets = targets;
    }

    public static ExampleIndex Build(IReadOnlyList<SparseVector> vectors, int[] targets, int dimension)
    {
        var cap = Math.Max(MinPostingCap, (int)(MaxPostingShare * vectors.Count));
        var counts = new int[dimension];
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Count; i++)
            {
                counts[vector.Indices[i]]++;
            }
        }

        var starts = new int[dimension + 1];
        for (var feature = 0; feature < dimension; feature++)
        {
            starts[feature + 1] = starts[feature] + (counts[feature] <= cap ? counts[feature] : 0);
        }

        var examples = new int[starts[dimension]];
        var values = new float[starts[dimension]];
        var next = starts[..dimension];
        for (var example = 0; example < vectors.Count; example++)
        {
            var vector = vectors[example];
            for (var i = 0; i < vector.Count; i++)
            {
                var feature = vector.Indices[i];
                if (counts[feature] <= cap)
                {
                    examples[next[feature]] = example;
                    values[next[feature]++] = vector.Values[i];
                }
            }
        }

        return new ExampleIndex(starts, examples, values, targets.ToArray());
    }

    /// <summary>
    /// Writes into <paramref name="best"/> (one slot a label, cleared first) the best similarity of the text to an
    /// example of each label.
    /// </summary>
    public void BestPerLabel(SparseVector query, Span<float> best)
    {
        best.Clear();
        // Scratch per thread, as long as the largest index used on it; every slot used is zeroed again before returning.
        if (t_similarities is not { } similarities || similarities.Length < _targets.Length)
        {
            t_similarities = similarities = new float[_targets.Length];
            t_touched = new int[_targets.Length];
        }

        var touched = t_touched!;
        var count = 0;
        for (var i = 0; i < query.Count; i++)
        {
            var feature = query.Indices[i];
            if (feature >= _starts.Length - 1)
            {
                continue;
            }

            var value = query.Values[i];
            for (var p = _starts[feature]; p < _starts[feature + 1]; p++)
            {
                var example = _examples[p];
                if (similarities[example] == 0f)
                {
                    touched[count++] = example;
                }

                similarities[example] += value * _values[p];
            }
        }

        for (var i = 0; i < count; i++)
        {
            var example = touched[i];
            var label = _targets[example];
            best[label] = Math.Max(best[label], similarities[example]);
            similarities[example] = 0f;
        }
    }

    public void Write(BinaryWriter writer)
    {
        WriteInts(writer, _starts);
        WriteInts(writer, _examples);
        WriteInts(writer, _targets);
        writer.Write(_values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan()));
    }

    public static ExampleIndex Read(BinaryReader reader, int dimension, int labels)
    {
        var starts = ReadInts(reader);
        var examples = ReadInts(reader);
        var targets = ReadInts(reader);
        var values = new float[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        var consistent = starts.Length == dimension + 1 && starts[0] == 0 && starts[^1] == examples.Length &&
            values.Length == examples.Length && examples.All(example => (uint)example < (uint)targets.Length) &&
            targets.All(target => (uint)target < (uint)labels) && starts.Zip(starts.Skip(1)).All(pair => pair.First <= pair.Second);
        if (!consistent)
        {
            throw new InvalidDataException("The saved model's example index is inconsistent.");
        }

        return new ExampleIndex(starts, examples, values, targets);
    }

    private static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("The saved model has a negative length.");
        }

        var values = new int[count];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
