using System.Runtime.InteropServices;
using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Knowledge.Vectors;

/// <summary>
/// The system of record for knowledge vectors (<c>knowledge_vectors</c>, SQLite or PostgreSQL): each point's vector as
/// little-endian float32 bytes, its payload as JSON, and the embedding model that made it, so vectors of another model
/// (or another fit of the local embedder) are never mixed into a search. The in-process indexes load from here at start.
/// </summary>
public sealed class SqlVectorStore(Database database)
{
    /// <summary>Its own area, so it does not race the knowledge entries' migrations for version numbers.</summary>
    public static readonly SchemaMigration Schema = new("knowledge-vectors", 1, "knowledge vectors", db => $"""
        CREATE TABLE knowledge_vectors (
            id TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            dimensions INTEGER NOT NULL,
            vector {(db.Provider == DatabaseProvider.PostgreSql ? "BYTEA" : "BLOB")} NOT NULL,
            payload {db.JsonType} NOT NULL
        );
        CREATE INDEX knowledge_vectors_model ON knowledge_vectors (model);
        """);

    public async Task UpsertAsync(string model, IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return;
        }

        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        foreach (var point in points)
        {
            await transaction.ExecuteAsync(
                $"""
                INSERT INTO knowledge_vectors (id, model, dimensions, vector, payload)
                VALUES (@id, @model, @dimensions, @vector, {database.Json("@payload")})
                ON CONFLICT (id) DO UPDATE SET model = excluded.model, dimensions = excluded.dimensions,
                    vector = excluded.vector, payload = excluded.payload
                """,
                cancellationToken,
                ("@id", point.Id), ("@model", model), ("@dimensions", point.Vector.Length),
                ("@vector", MemoryMarshal.AsBytes(point.Vector.Span).ToArray()), ("@payload", JsonSerializer.Serialize(point.Payload)));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        foreach (var id in ids)
        {
            await transaction.ExecuteAsync("DELETE FROM knowledge_vectors WHERE id = @id", cancellationToken, ("@id", id));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every stored point of <paramref name="model"/>, in id order.</summary>
    public async IAsyncEnumerable<VectorPoint> ReadAllAsync(string model,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT id, vector, payload FROM knowledge_vectors WHERE model = @model ORDER BY id");
        Database.AddParameters(command, ("@model", model));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bytes = (byte[])reader.GetValue(1);
            var payload = JsonSerializer.Deserialize<Dictionary<string, string[]>>(reader.GetString(2)) ?? [];
            yield return new VectorPoint(reader.GetString(0), MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
                payload.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal));
        }
    }
}
