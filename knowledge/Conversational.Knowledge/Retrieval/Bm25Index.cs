using System.Buffers;
using System.Runtime.InteropServices;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// An in-memory inverted index ranked by Okapi BM25 over <see cref="LexicalAnalyzer"/> terms, with incremental add,
/// replace and remove. Safe for concurrent searches; writers take an exclusive lock.
/// </summary>
/// <remarks>
/// Why our own index and not Lucene.Net: the knowledge base is small (thousands to tens of thousands of short chunks),
/// changes one entry at a time and must rank the same way every time; a dictionary of posting lists gives that in a
/// few hundred lines, with the analyzer we want (CJK unigrams and bigrams) and no segment merging or searcher reopening.
/// </remarks>
public sealed class Bm25Index(float k1 = 1.2f, float b = 0.75f)
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, List<Posting>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<Document?> _documents = [];
    private readonly Stack<int> _freeSlots = new();
    private long _totalLength;

    // k1·(1 − b + b·length / average length) of each slot, the only part of a posting's score that depends on its
    // document; every write changes the average, so a write drops it and the next search computes it once.
    private float[]? _lengthNorms;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slots.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Indexes <paramref name="text"/> under <paramref name="id"/>, replacing what the id had.</summary>
    public void Upsert(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        var counts = LexicalAnalyzer.Terms(text).CountBy(term => term, StringComparer.Ordinal).ToArray();
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(id);
            var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _documents.Count;
            var length = counts.Sum(pair => pair.Value);
            var document = new Document(id, length, counts.Select(pair => pair.Key).ToArray());
            if (slot == _documents.Count)
            {
                _documents.Add(document);
            }
            else
            {
                _documents[slot] = document;
            }

            _slots[id] = slot;
            _totalLength += length;
            _lengthNorms = null;
            foreach (var (term, count) in counts)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, term, out _);
                (list ??= []).Add(new Posting(slot, count));
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the id; an unknown id is ignored.</summary>
    public void Remove(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(id);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The best <paramref name="limit"/> ids for the query's terms that <paramref name="accept"/> lets through (all when
    /// null), best first; a query with no indexed term finds nothing.
    /// </summary>
    public List<(string Id, float Score)> Search(string query, int limit, Func<string, bool>? accept = null) =>
        Search(LexicalAnalyzer.DistinctTerms(query), limit, accept);

    /// <summary>
    /// The same search for a query already analyzed (<see cref="LexicalAnalyzer.DistinctTerms"/>), so a caller searching
    /// several indexes with one question analyzes it once.
    /// </summary>
    public List<(string Id, float Score)> Search(IReadOnlyList<string> terms, int limit, Func<string, bool>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var top = new RankedTop(limit);
        _lock.EnterReadLock();
        try
        {
            if (_slots.Count == 0 || terms.Count == 0)
            {
                return [];
            }

            var slots = _documents.Count;
            var scores = ArrayPool<float>.Shared.Rent(slots);
            Array.Clear(scores, 0, slots);
            try
            {
                // Searches share the read lock; two computing the same norms at once is harmless.
                var norms = _lengthNorms ??= LengthNorms();
                foreach (var term in terms)
                {
                    if (!_postings.TryGetValue(term, out var postings) || postings.Count == 0)
                    {
                        continue;
                    }

                    var idf = MathF.Log(1f + ((_slots.Count - postings.Count + 0.5f) / (postings.Count + 0.5f)));
                    foreach (var (slot, frequency) in CollectionsMarshal.AsSpan(postings))
                    {
                        scores[slot] += idf * frequency * (k1 + 1f) / (frequency + norms[slot]);
                    }
                }

                // A scan of the score array beats keeping a list of touched slots: no allocation, one pass over memory. A
                // slot gets one test against a floor that only moves when the top changes: once the top is full almost
                // every slot fails it, a branch the processor predicts, where testing "scored" and "good enough"
                // separately mispredicted on every other slot (measured: the pass cost twice the scoring).
                var floor = 0f;
                for (var slot = 0; slot < slots; slot++)
                {
                    var score = scores[slot];
                    if (score > floor && (accept is null || accept(_documents[slot]!.Id)))
                    {
                        top.Offer(_documents[slot]!.Id, score);
                        floor = MathF.Max(0f, top.Threshold - 1e-6f);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scores);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return top.ToList();
    }

    private float[] LengthNorms()
    {
        var averageLength = (float)_totalLength / _slots.Count;
        var norms = new float[_documents.Count];
        for (var slot = 0; slot < norms.Length; slot++)
        {
            if (_documents[slot] is { } document)
            {
                norms[slot] = k1 * (1f - b + (b * document.Length / averageLength));
            }
        }

        return norms;
    }

    private void RemoveLocked(string id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return;
        }

        var document = _documents[slot]!;
        foreach (var term in document.Terms)
        {
            var list = _postings[term];
            var at = list.FindIndex(posting => posting.Slot == slot);
            list[at] = list[^1];
            list.RemoveAt(list.Count - 1);
            if (list.Count == 0)
            {
                _postings.Remove(term);
            }
        }

        _totalLength -= document.Length;
        _lengthNorms = null;
        _documents[slot] = null;
        _freeSlots.Push(slot);
    }

    private readonly record struct Posting(int Slot, int Frequency);

    private sealed record Document(string Id, int Length, string[] Terms);
}
