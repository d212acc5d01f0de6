namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// How sure a search is of its best entry (0–1), which <see cref="KnowledgeSearchOptions.ConfidenceFloor"/> turns into
/// "answer" or "do not answer" (clarify or hand off).
/// </summary>
public static class AnswerConfidence
{
    public static float Compute(IReadOnlyList<SearchHit> hits, KnowledgeSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(options);
        if (hits.Count == 0)
        {
            return 0f;
        }

        var top = hits[0];
        var maximum = ReciprocalRankFusion.Maximum(options.LexicalWeight, options.DenseWeight, options.RankConstant);
        var agreement = top.FusedScore / maximum;
        var similarity = Math.Clamp(top.DenseScore ?? 0f, 0f, 1f);
        return agreement * similarity;
    }
}
