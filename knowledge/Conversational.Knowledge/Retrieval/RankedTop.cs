namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Keeps the <c>limit</c> best (id, score) pairs seen, in a binary min-heap: higher score first, equal scores by ordinal
/// id, so a ranking never depends on insertion order or hashing.
/// </summary>
/// <remarks>
/// Its own heap over an array rather than <see cref="PriorityQueue{TElement, TPriority}"/>: a queue of (string, float)
/// tuples runs shared generic code that reaches its comparer through an interface on every comparison, and
/// <see cref="Threshold"/>, read once per scanned row, becomes a call. Measured on a 10k-row pass keeping 50 (fastest
/// runs): 22 → 13 µs over dot products, 18 → 14 µs over BM25 scores.
/// </remarks>
public sealed class RankedTop(int limit)
{
    private readonly (string Id, float Score)[] _items = new (string Id, float Score)[Math.Max(0, limit)];
    private int _count;

    public int Limit => _items.Length;

    /// <summary>The score a candidate must beat to get in once the heap is full; −∞ until then (+∞ with a limit of 0).</summary>
    public float Threshold =>
        _count < _items.Length ? float.NegativeInfinity
        : _count == 0 ? float.PositiveInfinity
        : _items[0].Score;

    public void Offer(string id, float score)
    {
        if (_count < _items.Length)
        {
            _items[_count] = (id, score);
            SiftUp(_count++);
        }
        else if (_count > 0 && Compare((id, score), _items[0]) > 0)
        {
            _items[0] = (id, score);
            SiftDown(0);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public List<(string Id, float Score)> ToList()
    {
        var items = new List<(string Id, float Score)>(_count);
        items.AddRange(_items.AsSpan(0, _count));
        items.Sort(static (x, y) => Compare(y, x));
        return items;
    }

    private void SiftUp(int index)
    {
        var item = _items[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (Compare(item, _items[parent]) >= 0)
            {
                break;
            }

            _items[index] = _items[parent];
            index = parent;
        }

        _items[index] = item;
    }

    private void SiftDown(int index)
    {
        var item = _items[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Compare(_items[child + 1], _items[child]) < 0)
            {
                child++;
            }

            if (Compare(_items[child], item) >= 0)
            {
                break;
            }

            _items[index] = _items[child];
            index = child;
        }

        _items[index] = item;
    }

    /// <summary>Orders worse before better: lower score, or equal score and the later id.</summary>
    private static int Compare((string Id, float Score) x, (string Id, float Score) y)
    {
        var byScore = x.Score.CompareTo(y.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
    }
}
