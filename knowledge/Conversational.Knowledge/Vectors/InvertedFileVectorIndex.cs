using System.Numerics.Tensors;
using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Vectors;

/// <summary>
/// Approximate nearest neighbours for large collections (近似检索, an inverted file): k-means cuts the vectors into
/// about √n cells; a search compares the query with the cell centroids and scans only the <see cref="Probes"/> closest
/// cells. Below <see cref="MinTrainSize"/> points, and whenever a filter leaves fewer than the limit in those cells, it
/// scans everything, so small or heavily filtered searches stay exact.
/// </summary>
/// <remarks>
/// Upserts go to the nearest existing cell; the cells are re-trained when the collection has doubled since the last
/// training, so they follow the data. Training is seeded: the same points give the same cells.
/// </remarks>
public sealed class InvertedFileVectorIndex(int probes = 48, int minTrainSize = 4_096, float cellsPerRoot = 1f, int seed = 1) : IVectorIndex
{
    private const int TrainingSample = 16_384;
    private const int TrainingRounds = 8;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly VectorStorage _storage = new();
    private readonly List<int> _cellOfRow = [];
    private float[] _centroids = [];
    private List<int>[] _cells = [];
    private int _trainedAt;

    public int Probes { get; } = probes;

    public int MinTrainSize { get; } = minTrainSize;

    /// <summary>Cells of the current training; 0 while the index is exact.</summary>
    public int Cells => _cells.Length;

    public Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        _lock.EnterWriteLock();
        try
        {
            foreach (var point in points)
            {
                var known = _storage.TryGetRow(point.Id, out _);
                var row = _storage.Upsert(point);
                if (known)
                {
                    Unassign(row);
                }
                else
                {
                    _cellOfRow.Add(-1);
                }

                Assign(row);
            }

            if (_storage.Count >= MinTrainSize && _storage.Count >= 2 * _trainedAt)
            {
                Train();
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_storage.TryGetRow(id, out var row))
                {
                    continue;
                }

                Unassign(row);
                if (_storage.Remove(id) is var (from, to))
                {
                    // The last row moved into the hole: its cell must point at its new row.
                    var cell = _cellOfRow[from];
                    _cellOfRow[to] = cell;
                    if (cell >= 0)
                    {
                        var members = _cells[cell];
                        members[members.IndexOf(from)] = to;
                    }
                }

                _cellOfRow.RemoveAt(_cellOfRow.Count - 1);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int limit, VectorFilter? filter,
        CancellationToken cancellationToken) =>
        Task.FromResult(Search(query.Span, limit, filter));

    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int limit, VectorFilter? filter)
    {
        _lock.EnterReadLock();
        try
        {
            if (_storage.Count == 0 || limit <= 0)
            {
                return [];
            }

            ExactVectorIndex.CheckDimensions(query.Length, _storage.Dimensions);
            var top = new RankedTop(limit);
            var found = 0;
            if (_cells.Length > 0)
            {
                foreach (var cell in ClosestCells(query))
                {
                    foreach (var row in _cells[cell])
                    {
                        found += Offer(top, query, row, filter) ? 1 : 0;
                    }
                }
            }

            if (_cells.Length == 0 || found < limit)
            {
                top = new RankedTop(limit);
                for (var row = 0; row < _storage.Count; row++)
                {
                    Offer(top, query, row, filter);
                }
            }

            var norm = TensorPrimitives.Norm(query);
            return top.ToList().Select(match => new VectorMatch(match.Id, norm > 0f ? match.Score / norm : 0f)).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private bool Offer(RankedTop top, ReadOnlySpan<float> query, int row, VectorFilter? filter)
    {
        if (filter is not null && !filter.Matches(_storage.Payload(row)))
        {
            return false;
        }

        var score = TensorPrimitives.Dot(query, _storage.Vector(row));
        if (score >= top.Threshold)
        {
            top.Offer(_storage.Id(row), score);
        }

        return true;
    }

    private int[] ClosestCells(ReadOnlySpan<float> query)
    {
        var dimensions = _storage.Dimensions;
        var scores = new float[_cells.Length];
        var cells = new int[_cells.Length];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            cells[cell] = cell;
            scores[cell] = -TensorPrimitives.Dot(query, _centroids.AsSpan(cell * dimensions, dimensions));
        }

        // Ascending negated scores: closest first. The order among the probes does not matter, since every probed cell is
        // scanned, and the sort is deterministic for the same scores.
        Array.Sort(scores, cells);
        return cells[..Math.Min(Probes, cells.Length)];
    }

    private int NearestCell(ReadOnlySpan<float> vector)
    {
        var dimensions = _storage.Dimensions;
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var cell = 0; cell < _cells.Length; cell++)
        {
            var score = TensorPrimitives.Dot(vector, _centroids.AsSpan(cell * dimensions, dimensions));
            if (score > bestScore)
            {
                (best, bestScore) = (cell, score);
            }
        }

        return best;
    }

    private void Assign(int row)
    {
        if (_cells.Length == 0)
        {
            return;
        }

        var cell = NearestCell(_storage.Vector(row));
        _cellOfRow[row] = cell;
        _cells[cell].Add(row);
    }

    private void Unassign(int row)
    {
        var cell = _cellOfRow[row];
        if (cell >= 0)
        {
            _cells[cell].Remove(row);
            _cellOfRow[row] = -1;
        }
    }

    // Spherical k-means (cosine) on a seeded sample, then every row to its nearest centroid.
    private void Train()
    {
        var count = _storage.Count;
        var dimensions = _storage.Dimensions;
        var cells = Math.Max(1, (int)Math.Round(cellsPerRoot * Math.Sqrt(count)));
        var random = new Random(seed);
        var sample = Enumerable.Range(0, count).ToArray();
        random.Shuffle(sample);
        sample = sample[..Math.Min(count, Math.Max(TrainingSample, cells * 8))];
        _centroids = new float[cells * dimensions];
        for (var cell = 0; cell < cells; cell++)
        {
            _storage.Vector(sample[cell]).CopyTo(_centroids.AsSpan(cell * dimensions, dimensions));
        }

        _cells = new List<int>[cells];
        var sums = new float[cells * dimensions];
        for (var round = 0; round < TrainingRounds; round++)
        {
            Array.Clear(sums);
            foreach (var row in sample)
            {
                var vector = _storage.Vector(row);
                var sum = sums.AsSpan(NearestCell(vector) * dimensions, dimensions);
                TensorPrimitives.Add(sum, vector, sum);
            }

            for (var cell = 0; cell < cells; cell++)
            {
                var sum = sums.AsSpan(cell * dimensions, dimensions);
                var norm = TensorPrimitives.Norm(sum);
                if (norm > 0f)
                {
                    TensorPrimitives.Divide(sum, norm, _centroids.AsSpan(cell * dimensions, dimensions));
                }
            }
        }

        for (var cell = 0; cell < cells; cell++)
        {
            _cells[cell] = [];
        }

        for (var row = 0; row < count; row++)
        {
            _cellOfRow[row] = -1;
            Assign(row);
        }

        _trainedAt = count;
    }
}
