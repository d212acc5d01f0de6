namespace Conversational.Knowledge.Vectors;

/// <summary>
/// An in-process index backed by the database: every change is written to <see cref="SqlVectorStore"/> first (the
/// system of record), then applied in memory; <see cref="LoadAsync"/> fills the memory from the database at start.
/// Searches never touch the database.
/// </summary>
/// <param name="model">The embedding model whose vectors this index holds (see <see cref="SqlVectorStore"/>).</param>
public sealed class PersistentVectorIndex(IVectorIndex memory, SqlVectorStore store, string model) : IVectorIndex
{
    private const int LoadBatch = 1_024;

    public string Model { get; } = model;

    public async Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken)
    {
        await store.UpsertAsync(Model, points, cancellationToken);
        await memory.UpsertAsync(points, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(ids, cancellationToken);
        await memory.DeleteAsync(ids, cancellationToken);
    }

    public Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int limit, VectorFilter? filter,
        CancellationToken cancellationToken) =>
        memory.SearchAsync(query, limit, filter, cancellationToken);

    /// <summary>Loads every stored vector of <see cref="Model"/> into memory; returns how many.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var batch = new List<VectorPoint>(LoadBatch);
        var count = 0;
        await foreach (var point in store.ReadAllAsync(Model, cancellationToken))
        {
            batch.Add(point);
            if (batch.Count == LoadBatch)
            {
                await memory.UpsertAsync(batch, cancellationToken);
                count += batch.Count;
                batch = new List<VectorPoint>(LoadBatch);
            }
        }

        await memory.UpsertAsync(batch, cancellationToken);
        return count + batch.Count;
    }
}
