using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Conversational.Knowledge.Articles;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// How knowledge search ranks and when it answers. Bound from <c>Knowledge:Search</c>, validated at start; the defaults
/// were measured with <c>kb eval</c> (knowledge/README.md, "Measured").
/// </summary>
public sealed class KnowledgeSearchOptions : IValidatableObject
{
    public const string SectionName = "Knowledge:Search";

    /// <summary>
    /// Below this <see cref="SearchResult.Confidence"/> the bot does not answer from knowledge (0–1; see
    /// <see cref="AnswerConfidence"/> for how it is computed and chosen), unless <see cref="ConfidenceFloors"/> has a
    /// floor for the answer's language.
    /// </summary>
    [Range(0.0, 1.0)]
    public float ConfidenceFloor { get; set; } = 0.35f;

    /// <summary>
    /// A floor per knowledge language (<c>zh-CN</c>, <c>en</c>; 0–1) in place of <see cref="ConfidenceFloor"/>. Chinese
    /// questions score lower confidences than English ones for the same right answer (CJK n-grams are shorter evidence
    /// than words), but none is set by default: SMP2017's calibration (0.21, knowledge/README.md) has no out-of-scope
    /// questions, and at 0.21 the demo bot answered a parking question with a coupon entry. Calibrate on your own
    /// questions, unanswerable ones included, before lowering it.
    /// </summary>
    public Dictionary<string, float> ConfidenceFloors { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Weight of the BM25 ranking in the fusion.</summary>
    [Range(0.0, 10.0)]
    public float LexicalWeight { get; set; } = 1f;

    /// <summary>Weight of the dense (embedding) ranking in the fusion.</summary>
    [Range(0.0, 10.0)]
    public float DenseWeight { get; set; } = 1.5f;

    /// <summary>
    /// Weight of a third ranking in the fusion: whole entries by BM25 over all their chunks as one text, which rewards
    /// an entry whose variants together share the question's words. It only re-scores entries the other two found.
    /// </summary>
    [Range(0.0, 10.0)]
    public float EntryLexicalWeight { get; set; } = 0.5f;

    /// <summary>
    /// Weight of a fourth ranking in the fusion: entries by an <see cref="EntryClassifier"/> trained on their chunks
    /// (FAQ retrieval as classification), retrained in the background after index changes; 0 disables it. It only
    /// re-scores entries the chunk rankings found, and adds nothing to the answer confidence. 2: SMP2017 recall@1 +0.9
    /// to +2.9 points over weight 0 across four splits, BANKING77 +1.7 (knowledge/README.md). 4 measured a little better
    /// on those sets, but on the demo knowledge (few variants an entry) it put a coupon entry first for "下单多少钱可以免运费"
    /// (a shipping question), whose confidence then fell below the floor; at 2 the other three rankings still outvote it
    /// when they agree, and an entry it has not learned yet (new since its last training, or with one variant) can win.
    /// </summary>
    [Range(0.0, 10.0)]
    public float ClassifierWeight { get; set; } = 2f;

    /// <summary>The k of reciprocal-rank fusion: larger flattens the difference between the first ranks.</summary>
    [Range(1.0, 1000.0)]
    public float RankConstant { get; set; } = 60f;

    /// <summary>How many chunks each retriever contributes before fusion.</summary>
    [Range(1, 1000)]
    public int CandidateDepth { get; set; } = 50;

    /// <summary>
    /// How much of a chunk's stored vector is its entry's centroid (the mean of its chunks' vectors) rather than its own
    /// text: 0 keeps chunks apart; more makes a question near any variant of an entry near all of them.
    /// </summary>
    [Range(0.0, 10.0)]
    public float EntryContextWeight { get; set; } = 1f;

    /// <summary>The in-process vector index: exact (SIMD scan) or approximate (inverted file) for large collections.</summary>
    public VectorIndexKind IndexKind { get; set; } = VectorIndexKind.Exact;

    /// <summary>Length of the default embedder's vectors.</summary>
    [Range(16, 4096)]
    public int Dimensions { get; set; } = 384;

    /// <summary>The floor for an answer in <paramref name="language"/>: its own, else <see cref="ConfidenceFloor"/>.</summary>
    public float FloorFor(string? language) =>
        language is not null && ConfidenceFloors.TryGetValue(language, out var floor) ? floor : ConfidenceFloor;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (language, floor) in ConfidenceFloors)
        {
            if (!KnowledgeLanguages.All.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(ConfidenceFloors)}:{language} is not a knowledge language ({string.Join(", ", KnowledgeLanguages.All)}).",
                    [nameof(ConfidenceFloors)]);
            }
            else if (!(floor is >= 0f and <= 1f))
            {
                yield return new ValidationResult(
                    string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(ConfidenceFloors)}:{language} must be between 0 and 1 (was {floor})."),
                    [nameof(ConfidenceFloors)]);
            }
        }
    }
}

public enum VectorIndexKind
{
    Exact,
    Approximate,
}
