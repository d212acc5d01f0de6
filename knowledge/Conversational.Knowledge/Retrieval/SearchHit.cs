namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// One entry found for a question, through its best-ranked chunk, with each retriever's part: BM25 score and rank (null
/// when the lexical side did not find it), cosine and rank on the dense side, and the fused reciprocal-rank score the
/// ranking is by. Ranks count from 1.
/// </summary>
public sealed record SearchHit(
    KnowledgeChunk Chunk,
    float? LexicalScore,
    int? LexicalRank,
    float? DenseScore,
    int? DenseRank,
    float FusedScore)
{
    /// <summary>The entry an answer from this hit cites.</summary>
    public string EntryId => Chunk.EntryId;
}

/// <summary>
/// The ranked entries for a question (best first, one hit per entry) and whether the best is sure enough to answer
/// (<see cref="Confidence"/> at or above the floor of its language, <see cref="KnowledgeSearchOptions.FloorFor"/>); when not, the bot clarifies or hands off instead of guessing.
/// </summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, float Confidence, bool Answerable)
{
    public static readonly SearchResult Empty = new([], 0f, false);

    public SearchHit? Best => Hits.Count > 0 ? Hits[0] : null;
}
