using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Conversational.Knowledge.Vectors;
using Microsoft.Extensions.AI;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Hybrid knowledge search (混合检索): BM25 over words and CJK n-grams (<see cref="Bm25Index"/>) and nearest neighbours of
/// the question's embedding (<see cref="IVectorIndex"/>), each ranking reduced to one rank per entry and fused by
/// <see cref="ReciprocalRankFusion"/>, with a third, lighter ranking of whole entries by BM25 over all their chunks and a
/// fourth by the <see cref="Classifier"/> when one is trained. Filters apply to both sides; the answer decision is <see cref="AnswerConfidence"/>.
/// </summary>
/// <remarks>
/// A chunk's stored vector is its own embedding plus <see cref="KnowledgeSearchOptions.EntryContextWeight"/> times its
/// entry's centroid, so the dense side finds an entry by what all its variants say together. Changing one chunk
/// therefore re-embeds nothing but re-stores its entry's vectors. Writes are serialized; searches run alongside them.
/// </remarks>
public sealed class HybridRetriever(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IVectorIndex vectors,
    KnowledgeSearchOptions options,
    TimeProvider time)
{
    private readonly Bm25Index _lexical = new();
    private readonly Bm25Index _entryLexical = new();
    private readonly ConcurrentDictionary<string, KnowledgeChunk> _chunks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[]> _ownVectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _entryChunks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private EntryClassifier? _classifier;

    public KnowledgeSearchOptions Options { get; } = options;

    public int Count => _chunks.Count;

    /// <summary>
    /// The entry ranking fused with weight <see cref="KnowledgeSearchOptions.ClassifierWeight"/>, trained on (some of) the
    /// indexed chunks and swapped whole by whoever retrains it; null: none.
    /// </summary>
    public EntryClassifier? Classifier
    {
        get => Volatile.Read(ref _classifier);
        set => Volatile.Write(ref _classifier, value);
    }

    /// <summary>The indexed chunks now, for training a <see cref="Classifier"/>.</summary>
    public IReadOnlyList<KnowledgeChunk> Chunks => [.. _chunks.Values];

    /// <summary>Adds chunks, or replaces those whose id is already indexed.</summary>
    public async Task IndexAsync(IReadOnlyCollection<KnowledgeChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var embeddings = await embedder.GenerateAsync(chunks.Select(chunk => chunk.Text), cancellationToken: cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var touched = new SortedSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var chunk in chunks)
            {
                if (_chunks.TryGetValue(chunk.Id, out var old) && old.EntryId != chunk.EntryId)
                {
                    Detach(old);
                    touched.Add(old.EntryId);
                }

                _chunks[chunk.Id] = chunk;
                _lexical.Upsert(chunk.Id, LexicalText(chunk));
                _ownVectors[chunk.Id] = embeddings[index++].Vector.ToArray();
                GetOrAdd(chunk.EntryId).Add(chunk.Id);
                touched.Add(chunk.EntryId);
            }

            await StoreVectorsAsync(touched, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Removes chunks; unknown ids are ignored.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunkIds);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var touched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var id in chunkIds)
            {
                if (_chunks.TryRemove(id, out var chunk))
                {
                    Detach(chunk);
                    touched.Add(chunk.EntryId);
                }
            }

            await vectors.DeleteAsync(chunkIds, cancellationToken);
            await StoreVectorsAsync(touched, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// The best entries for <paramref name="question"/> (at most <paramref name="limit"/>, one hit each) among the chunks
    /// <paramref name="filter"/> allows now. Any text is a valid question: an empty one, or one of punctuation only,
    /// finds nothing.
    /// </summary>
    public async Task<SearchResult> SearchAsync(string question, SearchFilter? filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        filter ??= SearchFilter.None;
        if (limit <= 0 || _chunks.IsEmpty)
        {
            return SearchResult.Empty;
        }

        var now = time.GetUtcNow();
        bool Allowed(string id) => _chunks.TryGetValue(id, out var chunk) && filter.Matches(chunk, now);

        // Analyzed once: both BM25 rankings score the same terms.
        var terms = LexicalAnalyzer.DistinctTerms(question);
        var lexical = Options.LexicalWeight > 0 ? _lexical.Search(terms, Options.CandidateDepth, Allowed) : [];
        IReadOnlyList<VectorMatch> dense = [];
        if (Options.DenseWeight > 0)
        {
            var query = await embedder.GenerateVectorAsync(question, cancellationToken: cancellationToken);
            if (TensorPrimitives.Norm(query.Span) > 0f)
            {
                dense = (await vectors.SearchAsync(query, Options.CandidateDepth, filter.ToVectorFilter(), cancellationToken))
                    .Where(match => Allowed(match.Id)).ToList();
            }
        }

        var hits = Fuse(lexical, dense, EntryRanks(terms), ClassifierRanks(question), limit);
        var confidence = AnswerConfidence.Compute(hits, Options);
        return new SearchResult(hits, confidence, hits.Count > 0 && confidence >= Options.FloorFor(hits[0].Chunk.Language));
    }

    // Ranks of whole entries by BM25 over all their chunks as one text; they only re-score entries the chunk rankings
    // found (which passed the filter), so they never bring in an entry the filter excludes.
    private Dictionary<string, int> EntryRanks(string[] terms)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Options.EntryLexicalWeight > 0)
        {
            foreach (var (entryId, _) in _entryLexical.Search(terms, Options.CandidateDepth))
            {
                ranks.Add(entryId, ranks.Count + 1);
            }
        }

        return ranks;
    }

    // The classifier's ranks of entries; like the entry-level BM25 they only re-score entries the chunk rankings found.
    private Dictionary<string, int> ClassifierRanks(string question)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Options.ClassifierWeight > 0 && Classifier is { } classifier)
        {
            foreach (var entryId in classifier.Rank(question, Options.CandidateDepth))
            {
                ranks.Add(entryId, ranks.Count + 1);
            }
        }

        return ranks;
    }

    // One candidate per entry, through its best chunk on each side; only the best `limit` become hits.
    private List<SearchHit> Fuse(List<(string Id, float Score)> lexical, IReadOnlyList<VectorMatch> dense,
        Dictionary<string, int> entryRanks, Dictionary<string, int> classifierRanks, int limit)
    {
        var entries = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var rank = 0;
        foreach (var (id, score) in lexical)
        {
            // An index update may replace the entry's chunks between the search and here; its new chunks are found next time.
            if (!_chunks.TryGetValue(id, out var chunk))
            {
                continue;
            }

            if (!entries.ContainsKey(chunk.EntryId))
            {
                entries[chunk.EntryId] = new Candidate(chunk.EntryId) { LexicalChunk = chunk, LexicalScore = score, LexicalRank = ++rank };
            }
        }

        rank = 0;
        foreach (var match in dense)
        {
            if (!_chunks.TryGetValue(match.Id, out var chunk))
            {
                continue;
            }

            var candidate = entries.TryGetValue(chunk.EntryId, out var found) ? found : entries[chunk.EntryId] = new Candidate(chunk.EntryId);
            if (candidate.DenseRank is null)
            {
                candidate.DenseChunk = chunk;
                candidate.DenseScore = match.Score;
                candidate.DenseRank = ++rank;
            }
        }

        var ranked = new List<Candidate>(entries.Count);
        foreach (var candidate in entries.Values)
        {
            candidate.ClassifierRank = classifierRanks.TryGetValue(candidate.EntryId, out var classifierRank) ? classifierRank : null;
            candidate.FusedScore =
                ReciprocalRankFusion.Score(candidate.LexicalRank, Options.LexicalWeight, Options.RankConstant)
                + ReciprocalRankFusion.Score(candidate.DenseRank, Options.DenseWeight, Options.RankConstant)
                + ReciprocalRankFusion.Score(entryRanks.TryGetValue(candidate.EntryId, out var entryRank) ? entryRank : null,
                    Options.EntryLexicalWeight, Options.RankConstant)
                + ReciprocalRankFusion.Score(candidate.ClassifierRank, Options.ClassifierWeight, Options.RankConstant);
            ranked.Add(candidate);
        }

        ranked.Sort(Candidate.BestFirst);
        var hits = new List<SearchHit>(Math.Min(limit, ranked.Count));
        for (var i = 0; i < Math.Min(limit, ranked.Count); i++)
        {
            var candidate = ranked[i];
            hits.Add(new SearchHit(
                candidate.LexicalRank <= (candidate.DenseRank ?? int.MaxValue) ? candidate.LexicalChunk! : candidate.DenseChunk!,
                candidate.LexicalScore, candidate.LexicalRank, candidate.DenseScore, candidate.DenseRank, candidate.FusedScore,
                candidate.ClassifierRank));
        }

        return hits;
    }

    private static string LexicalText(KnowledgeChunk chunk) =>
        chunk.Title.Length == 0 || chunk.Text.Contains(chunk.Title, StringComparison.Ordinal) ? chunk.Text : chunk.Title + "\n" + chunk.Text;

    private SortedSet<string> GetOrAdd(string entryId)
    {
        if (!_entryChunks.TryGetValue(entryId, out var set))
        {
            _entryChunks[entryId] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private void Detach(KnowledgeChunk chunk)
    {
        _lexical.Remove(chunk.Id);
        _ownVectors.Remove(chunk.Id);
        if (_entryChunks.TryGetValue(chunk.EntryId, out var set) && set.Remove(chunk.Id) && set.Count == 0)
        {
            _entryChunks.Remove(chunk.EntryId);
        }
    }

    // Each touched entry gets its whole text in the entry-level BM25, and its chunks their own vector plus the weighted
    // unit centroid of the entry.
    private async Task StoreVectorsAsync(IEnumerable<string> entryIds, CancellationToken cancellationToken)
    {
        var points = new List<VectorPoint>();
        foreach (var entryId in entryIds)
        {
            if (!_entryChunks.TryGetValue(entryId, out var ids))
            {
                _entryLexical.Remove(entryId);
                continue;
            }

            _entryLexical.Upsert(entryId, string.Join("\n", ids.Select(id => LexicalText(_chunks[id]))));

            var centroid = new float[_ownVectors[ids.Min!].Length];
            foreach (var id in ids)
            {
                TensorPrimitives.Add(centroid, _ownVectors[id], centroid);
            }

            var norm = TensorPrimitives.Norm(centroid);
            if (norm > 0f)
            {
                TensorPrimitives.Multiply(centroid, Options.EntryContextWeight / norm, centroid);
            }

            foreach (var id in ids)
            {
                var vector = new float[centroid.Length];
                TensorPrimitives.Add(_ownVectors[id], centroid, vector);
                points.Add(ChunkPayload.Point(_chunks[id], vector));
            }
        }

        if (points.Count > 0)
        {
            await vectors.UpsertAsync(points, cancellationToken);
        }
    }

    private sealed class Candidate(string entryId)
    {
        /// <summary>Higher fused score first; equal scores by entry id, so the order never depends on hashing.</summary>
        public static readonly Comparison<Candidate> BestFirst = (x, y) =>
            y.FusedScore.CompareTo(x.FusedScore) is var byScore and not 0 ? byScore : string.CompareOrdinal(x.EntryId, y.EntryId);

        public string EntryId { get; } = entryId;

        public KnowledgeChunk? LexicalChunk { get; set; }

        public float? LexicalScore { get; set; }

        public int? LexicalRank { get; set; }

        public KnowledgeChunk? DenseChunk { get; set; }

        public float? DenseScore { get; set; }

        public int? DenseRank { get; set; }

        public int? ClassifierRank { get; set; }

        public float FusedScore { get; set; }
    }
}
