using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Conversational.Storage;

/// <summary>
/// A <see cref="DbDataSource"/> for SQLite, which Microsoft.Data.Sqlite does not ship, so that every store is written
/// once against <see cref="DbDataSource"/> like Npgsql's.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);
}
