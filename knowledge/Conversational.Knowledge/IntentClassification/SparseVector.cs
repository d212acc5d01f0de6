namespace Conversational.Knowledge.IntentClassification;

/// <summary>A growable sparse vector (indices and values) reused across featurizations to avoid allocating.</summary>
internal sealed class SparseVector
{
    public int[] Indices { get; private set; } = new int[256];

    public float[] Values { get; private set; } = new float[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Append(int index, float value)
    {
        if (Count == Indices.Length)
        {
            var indices = Indices;
            var values = Values;
            Array.Resize(ref indices, Math.Max(16, Count * 2));
            Array.Resize(ref values, Math.Max(16, Count * 2));
            Indices = indices;
            Values = values;
        }

        Indices[Count] = index;
        Values[Count] = value;
        Count++;
    }

    /// <summary>Sorts by index and adds up the values of repeated indices.</summary>
    public void SortAndMerge()
    {
        Array.Sort(Indices, Values, 0, Count);
        var write = 0;
        for (var read = 0; read < Count; read++)
        {
            if (write > 0 && Indices[write - 1] == Indices[read])
            {
                Values[write - 1] += Values[read];
            }
            else
            {
                Indices[write] = Indices[read];
                Values[write] = Values[read];
                write++;
            }
        }

        Count = write;
    }

    /// <summary>A copy holding just the entries (appending to it grows it again).</summary>
    public SparseVector Copy() => new() { Indices = Indices[..Count], Values = Values[..Count], Count = Count };
}
