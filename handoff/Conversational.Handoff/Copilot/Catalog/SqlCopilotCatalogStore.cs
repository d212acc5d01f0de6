using System.Data.Common;
using System.Globalization;
using Conversational.Storage;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// Saves and reads the copilot catalogue on SQLite or PostgreSQL, one versioned document (as
/// <see cref="Routing.SqlRoutingRuleStore"/>): every save is a new version naming the one it edits (the version's
/// primary key makes a concurrent save of the same version fail), and tells the other hosts through
/// <see cref="CopilotCatalogCache.NotificationChannel"/>. Reads come from this host's cache.
/// </summary>
public sealed class SqlCopilotCatalogStore(Database database, CopilotCatalogCache cache, TimeProvider time)
{
    private static readonly CopilotCatalogVersion None = new(0, DateTimeOffset.UnixEpoch, "", CopilotCatalog.Empty);

    /// <summary>The current catalogue, from this host's cache; version 0 and the empty catalogue before the first save.</summary>
    public async Task<CopilotCatalogVersion> CurrentAsync(CancellationToken cancellationToken)
    {
        var (cached, generation) = cache.Read();
        if (cached is not null)
        {
            return cached;
        }

        var current = await CurrentFromDatabaseAsync(cancellationToken);
        cache.Store(current, generation);
        return current;
    }

    /// <summary>
    /// Replaces the catalogue, if it is still at <paramref name="expectedVersion"/> (0: never saved), after validating
    /// the whole new catalogue. Every host's next read sees it.
    /// </summary>
    /// <exception cref="CopilotCatalogValidationException">The catalogue breaks a rule; nothing is saved.</exception>
    /// <exception cref="CopilotCatalogConflictException">The catalogue is no longer at <paramref name="expectedVersion"/>.</exception>
    public async Task<CopilotCatalogVersion> SaveAsync(CopilotCatalog catalog, long expectedVersion, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (CopilotCatalogValidation.Validate(catalog) is { Count: > 0 } errors)
        {
            throw new CopilotCatalogValidationException(errors);
        }

        var saved = new CopilotCatalogVersion(expectedVersion + 1, time.GetUtcNow(), changedBy, catalog);
        await using (var transaction = await database.BeginWriteAsync(cancellationToken))
        {
            var actual = await LatestVersionAsync(transaction, cancellationToken);
            if (actual != expectedVersion)
            {
                throw new CopilotCatalogConflictException(expectedVersion, actual);
            }

            try
            {
                await transaction.ExecuteAsync(
                    $"INSERT INTO copilot_catalog (version, changed_at, changed_by, document) VALUES (@version, @at, @by, {database.Json("@document")})",
                    cancellationToken,
                    ("@version", saved.Version), ("@at", saved.ChangedAt.ToString("O", CultureInfo.InvariantCulture)), ("@by", changedBy),
                    ("@document", CopilotCatalogJson.Serialize(catalog)));
                var notify = database.NotifySql("@channel", "@payload");
                if (notify.Length > 0)
                {
                    await transaction.ExecuteAsync(notify, cancellationToken, ("@channel", CopilotCatalogCache.NotificationChannel),
                        ("@payload", saved.Version.ToString(CultureInfo.InvariantCulture)));
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException exception) when (database.IsUniqueViolation(exception))
            {
                // Another host saved the same version between our read and our insert.
                throw new CopilotCatalogConflictException(expectedVersion, (await CurrentFromDatabaseAsync(cancellationToken)).Version);
            }
        }

        cache.Invalidate();
        return saved;
    }

    /// <summary>The saved versions, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CopilotCatalogVersion>> HistoryAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await ReadAsync("ORDER BY version DESC LIMIT @limit", [("@limit", limit)], cancellationToken);
    }

    private async Task<CopilotCatalogVersion> CurrentFromDatabaseAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("ORDER BY version DESC LIMIT 1", [], cancellationToken)).SingleOrDefault() ?? None;

    private async Task<IReadOnlyList<CopilotCatalogVersion>> ReadAsync(string orderAndLimit, (string Name, object? Value)[] parameters,
        CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT version, changed_at, changed_by, document FROM copilot_catalog {orderAndLimit}");
        Database.AddParameters(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<CopilotCatalogVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new CopilotCatalogVersion(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2),
                CopilotCatalogJson.Deserialize(reader.GetString(3))));
        }

        return versions;
    }

    private static async Task<long> LatestVersionAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM copilot_catalog");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
