namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// FAQ retrieval scores over queries with known answers: recall@1 and @5 (the right entry among the first k entries)
/// and MRR@10 (the mean of 1 / its rank, 0 past rank 10). Rankings are of entries, so several chunks of one entry
/// count once, at the rank of the first.
/// </summary>
public sealed record RetrievalMetrics(int Queries, double RecallAt1, double RecallAt5, double MrrAt10)
{
    /// <param name="expected">The right entry of each query.</param>
    /// <param name="rankings">The entries found for each query, best first (duplicates are dropped).</param>
    public static RetrievalMetrics Compute(IReadOnlyList<string> expected, IReadOnlyList<IReadOnlyList<string>> rankings)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(rankings);
        if (expected.Count != rankings.Count)
        {
            throw new ArgumentException("Every query needs one ranking.", nameof(rankings));
        }

        if (expected.Count == 0)
        {
            return new RetrievalMetrics(0, 0, 0, 0);
        }

        double at1 = 0, at5 = 0, reciprocal = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var position = rankings[i].Distinct(StringComparer.Ordinal).ToList().IndexOf(expected[i]);
            if (position < 0)
            {
                continue;
            }

            var rank = position + 1;
            at1 += rank == 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
            reciprocal += rank <= 10 ? 1.0 / rank : 0;
        }

        return new RetrievalMetrics(expected.Count, at1 / expected.Count, at5 / expected.Count, reciprocal / expected.Count);
    }
}
