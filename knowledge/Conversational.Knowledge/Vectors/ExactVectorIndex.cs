using System.Numerics.Tensors;
using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Vectors;

/// <summary>
/// Brute-force nearest neighbours (精确检索): every stored unit vector is compared with the query by a SIMD dot product
/// (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>) over one contiguous array, keeping the
/// best in a heap. Exact by construction, the reference the approximate index is measured against, and fast enough for
/// knowledge bases up to about a hundred thousand chunks (memory-bandwidth bound). From
/// <see cref="ParallelThreshold"/> points on, the rows are split among the cores, each keeping its own heap: one core
/// alone cannot draw all the memory bandwidth.
/// </summary>
public sealed class ExactVectorIndex : IVectorIndex
{
    public const int ParallelThreshold = 32_768;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly VectorStorage _storage = new();

    public int Count => Read(() => _storage.Count);

    public Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        Write(() =>
        {
            foreach (var point in points)
            {
                _storage.Upsert(point);
            }
        });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Write(() =>
        {
            foreach (var id in ids)
            {
                _storage.Remove(id);
            }
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int limit, VectorFilter? filter,
        CancellationToken cancellationToken) =>
        Task.FromResult(Search(query.Span, limit, filter));

    /// <summary>The synchronous search behind <see cref="SearchAsync"/>; the query need not be unit length.</summary>
    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int limit, VectorFilter? filter)
    {
        _lock.EnterReadLock();
        try
        {
            if (_storage.Count == 0 || limit <= 0)
            {
                return [];
            }

            CheckDimensions(query.Length, _storage.Dimensions);
            var norm = TensorPrimitives.Norm(query);
            var best = _storage.Count >= ParallelThreshold ? ScanInParallel(query.ToArray(), limit, filter)
                : Scan(query, 0, _storage.Count, limit, filter).ToList();
            var matches = new List<VectorMatch>(best.Count);
            foreach (var (id, score) in best)
            {
                matches.Add(new VectorMatch(id, norm > 0f ? score / norm : 0f));
            }

            return matches;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private List<(string Id, float Score)> ScanInParallel(float[] query, int limit, VectorFilter? filter)
    {
        var parts = Math.Min(Environment.ProcessorCount, 4);
        var size = (_storage.Count + parts - 1) / parts;
        var tops = new RankedTop[parts];
        Parallel.For(0, parts, part => tops[part] = Scan(query, part * size, Math.Min(_storage.Count, (part + 1) * size), limit, filter));
        var merged = new RankedTop(limit);
        foreach (var top in tops)
        {
            foreach (var (id, score) in top.ToList())
            {
                merged.Offer(id, score);
            }
        }

        return merged.ToList();
    }

    private RankedTop Scan(ReadOnlySpan<float> query, int from, int to, int limit, VectorFilter? filter)
    {
        var top = new RankedTop(limit);
        for (var row = from; row < to; row++)
        {
            var score = TensorPrimitives.Dot(query, _storage.Vector(row));
            if (score >= top.Threshold && (filter is null || filter.Matches(_storage.Payload(row))))
            {
                top.Offer(_storage.Id(row), score);
            }
        }

        return top;
    }

    internal static void CheckDimensions(int query, int stored)
    {
        if (query != stored)
        {
            throw new ArgumentException($"The query has {query} dimensions; the index holds {stored}.", nameof(query));
        }
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        _lock.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
