using Conversational.Storage;
using Npgsql;

namespace Conversational.Testing;

/// <summary>
/// Where a store contract's database lives, on the engine the test class names: a fresh SQLite file in its own temp
/// directory, or a fresh database on the shared PostgreSQL server. Opened again for a "restart" or a second host, and
/// removed at the end.
/// </summary>
public sealed class TestDatabase(Func<Database> open, string? directory) : IDisposable
{
    /// <param name="prefix">Names the temp directory, so a leftover one says which tests made it.</param>
    public static TestDatabase Sqlite(string prefix = "store-tests")
    {
        var directory = Directory.CreateTempSubdirectory(prefix + ".").FullName;
        var path = Path.Combine(directory, "store.db");
        return new TestDatabase(() => new SqliteDatabase(path), directory);
    }

    public static async Task<TestDatabase> PostgresAsync(PostgresServer server, string prefix = "store")
    {
        var connectionString = await server.CreateDatabaseAsync(prefix);
        return new TestDatabase(() => new PostgresDatabase(NpgsqlDataSource.Create(connectionString)), null);
    }

    /// <summary>A new connection pool on the same database, as a restarted or second host would have.</summary>
    public Database Open() => open();

    public void Dispose()
    {
        if (directory is not null)
        {
            // SQLite keeps pooled connections (and so the file) open after the database object is disposed.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
