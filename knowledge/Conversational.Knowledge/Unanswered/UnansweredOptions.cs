using System.ComponentModel.DataAnnotations;

namespace Conversational.Knowledge.Unanswered;

/// <summary>How unanswered questions are clustered for trainers. Bound from <c>Knowledge:Unanswered</c>, validated at start.</summary>
public sealed class UnansweredOptions
{
    public const string SectionName = "Knowledge:Unanswered";

    /// <summary>
    /// A question joins a cluster when its mean similarity to the members reaches this (0–1). Chosen on hand-written
    /// questions in both languages with the local embedder (knowledge/README.md, "Unanswered questions"): rewordings of
    /// one question scored 0.30–0.78 (a longer, more specific one 0.17–0.48), different questions at most 0.27, the
    /// closest being those that share a frame (可以开发票吗 / 可以货到付款吗 0.25, "Can I get an invoice?" / "can I pay
    /// with paypal" 0.27).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.3;

    /// <summary>Weight of the embedding cosine against the character n-gram overlap (0–1).</summary>
    [Range(0.0, 1.0)]
    public double DenseWeight { get; set; } = 0.5;

    /// <summary>Questions older than this many days are not clustered (they stay stored).</summary>
    [Range(1, 3650)]
    public int MaxAgeDays { get; set; } = 90;

    /// <summary>At most this many of the newest open questions per language are clustered, to bound the view's cost.</summary>
    [Range(1, 100_000)]
    public int MaxQuestions { get; set; } = 2_000;
}
