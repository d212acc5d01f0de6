namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Reciprocal-rank fusion (倒数排名融合, Cormack et al. 2009): an item's fused score is Σ weightᵢ / (k + rankᵢ) over the
/// rankings it appears in. Ranks, not scores, are added, so BM25 scores (unbounded) and cosines (−1…1) need no
/// calibration against each other; k damps the difference between the first few ranks.
/// </summary>
public static class ReciprocalRankFusion
{
    public static float Score(int? rank, float weight, float k) => rank is { } r ? weight / (k + r) : 0f;

    /// <summary>The largest fused score possible with <paramref name="options"/>: first in every ranking.</summary>
    public static float Maximum(KnowledgeSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.LexicalWeight + options.DenseWeight + options.EntryLexicalWeight) / (options.RankConstant + 1);
    }
}
