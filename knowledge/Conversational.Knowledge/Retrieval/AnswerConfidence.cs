namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// How sure a search is of its best entry (置信度, 0–1), which <see cref="KnowledgeSearchOptions.ConfidenceFloor"/> turns
/// into "answer" or "do not answer" (clarify or hand off): the best hit's cosine similarity to the question (how close
/// the nearest wording is; 0 when the dense side did not find it) times its fused score over the largest possible one
/// (1 when every ranking puts it first, less as they disagree or rank it lower).
/// </summary>
/// <remarks>
/// Reciprocal-rank scores alone cannot say "none of these": something always ranks first. The cosine brings an absolute
/// closeness, the agreement the evidence of two independent rankings. The <see cref="EntryClassifier"/>'s part is left
/// out of the agreement: a classifier always puts some entry first, even for a question no entry covers, and the
/// floors must mean the same whether or not a classifier is trained yet. The default floor was chosen with
/// <see cref="FloorCalibration"/> on held-out questions that include questions the knowledge does not cover
/// (knowledge/README.md, "Measured").
/// </remarks>
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
        var maximum = ReciprocalRankFusion.Maximum(options);
        var agreement = (top.FusedScore - ReciprocalRankFusion.Score(top.ClassifierRank, options.ClassifierWeight, options.RankConstant))
            / maximum;
        var similarity = Math.Clamp(top.DenseScore ?? 0f, 0f, 1f);
        return agreement * similarity;
    }
}
