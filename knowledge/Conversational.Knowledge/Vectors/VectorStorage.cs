using System.Numerics.Tensors;

namespace Conversational.Knowledge.Vectors;

/// <summary>
/// Unit vectors of one dimension in one contiguous array (row per point), with their ids and payloads; a removed row is
/// filled with the last one, so rows stay dense and a scan touches only live vectors. Not thread-safe: the indexes lock.
/// </summary>
internal sealed class VectorStorage
{
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private float[] _values = [];
    private string[] _ids = [];
    private IReadOnlyDictionary<string, IReadOnlyList<string>>[] _payloads = [];

    public int Count { get; private set; }

    /// <summary>Set by the first vector stored; every later one must match.</summary>
    public int Dimensions { get; private set; }

    public ReadOnlySpan<float> Vector(int row) => _values.AsSpan(row * Dimensions, Dimensions);

    public string Id(int row) => _ids[row];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Payload(int row) => _payloads[row];

    public bool TryGetRow(string id, out int row) => _rows.TryGetValue(id, out row);

    /// <summary>Stores the point's vector scaled to length 1 (a zero vector stays zero); returns its row.</summary>
    public int Upsert(VectorPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var vector = point.Vector.Span;
        if (Dimensions == 0)
        {
            Dimensions = vector.Length;
        }
        else if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Point '{point.Id}' has {vector.Length} dimensions; this index holds {Dimensions}.", nameof(point));
        }

        if (!_rows.TryGetValue(point.Id, out var row))
        {
            row = Count++;
            Grow(Count);
            _rows[point.Id] = row;
        }

        var target = _values.AsSpan(row * Dimensions, Dimensions);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, target);
        }
        else
        {
            target.Clear();
        }

        _ids[row] = point.Id;
        _payloads[row] = point.Payload;
        return row;
    }

    /// <summary>Removes the id; returns the row the last point moved from (to fill the hole) and to, or null.</summary>
    public (int From, int To)? Remove(string id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return null;
        }

        var last = --Count;
        if (row != last)
        {
            _values.AsSpan(last * Dimensions, Dimensions).CopyTo(_values.AsSpan(row * Dimensions, Dimensions));
            _ids[row] = _ids[last];
            _payloads[row] = _payloads[last];
            _rows[_ids[row]] = row;
        }

        _ids[last] = null!;
        _payloads[last] = null!;
        return row != last ? (last, row) : null;
    }

    private void Grow(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(16, _ids.Length * 2);
        Array.Resize(ref _values, capacity * Dimensions);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _payloads, capacity);
    }
}
