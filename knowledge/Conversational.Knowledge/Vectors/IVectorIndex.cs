namespace Conversational.Knowledge.Vectors;

/// <summary>
/// Nearest-neighbour search over embedded knowledge chunks: the seam between the in-process indexes (exact and
/// approximate) and external engines such as Qdrant. Scores are cosine similarities, higher is closer.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Adds points, or replaces the vector and payload of points whose id already exists.</summary>
    Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken);

    /// <summary>Removes points; unknown ids are ignored so a retried delete is harmless.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The <paramref name="limit"/> closest points that pass <paramref name="filter"/>, closest first.</summary>
    Task<IReadOnlyList<VectorMatch>> SearchAsync(
        ReadOnlyMemory<float> query, int limit, VectorFilter? filter, CancellationToken cancellationToken);
}
