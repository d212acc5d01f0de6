using Microsoft.Extensions.Logging;

namespace Conversational.Storage;

/// <summary>Applies every registered <see cref="SchemaMigration"/> not yet recorded in <c>schema_migrations</c>.</summary>
public sealed partial class SchemaMigrator(Database database, IEnumerable<SchemaMigration> migrations, TimeProvider time,
    ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.PrepareAsync(cancellationToken);

        // Several hosts may start at once against one PostgreSQL: one migrates, the others wait and find nothing to do.
        await using var migrationLock = await database.LockAsync("conversational:schema-migrations", cancellationToken);
        await database.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                area TEXT NOT NULL,
                version INTEGER NOT NULL,
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                PRIMARY KEY (area, version)
            )
            """, cancellationToken);

        var applied = await ReadAppliedAsync(cancellationToken);
        foreach (var migration in migrations.OrderBy(m => m.Area, StringComparer.Ordinal).ThenBy(m => m.Version))
        {
            if (!applied.Contains((migration.Area, migration.Version)))
            {
                await ApplyAsync(migration, cancellationToken);
            }
        }
    }

    private async Task<HashSet<(string, int)>> ReadAppliedAsync(CancellationToken cancellationToken)
    {
        var applied = new HashSet<(string, int)>();
        await using var command = database.DataSource.CreateCommand("SELECT area, version FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return applied;
    }

    private async Task ApplyAsync(SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.ExecuteAsync(migration.Sql(database), cancellationToken);
        await write.ExecuteAsync(
            "INSERT INTO schema_migrations (area, version, description, applied_at) VALUES (@area, @version, @description, @at)",
            cancellationToken, ("@area", migration.Area), ("@version", migration.Version), ("@description", migration.Description),
            ("@at", time.GetUtcNow().ToString("O")));
        await write.CommitAsync(cancellationToken);
        LogApplied(migration.Area, migration.Version, migration.Description);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Area} v{Version}: {Description}")]
    private partial void LogApplied(string area, int version, string description);
}
