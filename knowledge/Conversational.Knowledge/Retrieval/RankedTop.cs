namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Keeps the <c>limit</c> best (id, score) pairs seen, in a min-heap: higher score first, equal scores by ordinal id, so
/// a ranking never depends on insertion order or hashing.
/// </summary>
public sealed class RankedTop(int limit)
{
    private readonly PriorityQueue<(string Id, float Score), (string Id, float Score)> _heap = new(Math.Max(1, limit), WorstFirst.Instance);

    public int Limit { get; } = Math.Max(0, limit);

    /// <summary>The score a candidate must beat to get in once the heap is full; −∞ until then.</summary>
    public float Threshold => _heap.Count < Limit ? float.NegativeInfinity : _heap.Peek().Score;

    public void Offer(string id, float score)
    {
        if (Limit == 0)
        {
            return;
        }

        if (_heap.Count < Limit)
        {
            _heap.Enqueue((id, score), (id, score));
        }
        else if (WorstFirst.Instance.Compare((id, score), _heap.Peek()) > 0)
        {
            _heap.DequeueEnqueue((id, score), (id, score));
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public List<(string Id, float Score)> ToList()
    {
        var items = _heap.UnorderedItems.Select(item => item.Element).ToList();
        items.Sort((a, b) => WorstFirst.Instance.Compare(b, a));
        return items;
    }

    /// <summary>Orders worse before better: lower score, or equal score and the later id.</summary>
    private sealed class WorstFirst : IComparer<(string Id, float Score)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((string Id, float Score) x, (string Id, float Score) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
