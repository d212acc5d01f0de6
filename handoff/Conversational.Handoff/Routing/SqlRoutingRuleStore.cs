using System.Data.Common;
using System.Globalization;
using Conversational.Storage;

namespace Conversational.Handoff.Routing;

/// <summary>
/// Saves and reads the routing rule set on SQLite or PostgreSQL. A save names the version it edits (optimistic
/// concurrency: the new version's primary key makes a concurrent save of the same version fail) and tells the other
/// hosts through <see cref="RoutingRulesCache.NotificationChannel"/>.
/// </summary>
public sealed class SqlRoutingRuleStore(Database database, RoutingRulesCache cache, TimeProvider time)
{
    /// <summary>The current rule set; null before the first save.</summary>
    public async Task<RoutingRulesVersion?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT version, changed_at, changed_by, document FROM routing_rules ORDER BY version DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// The current rules ready to route, from this host's cache (refreshed after every save on any host); null before
    /// the first save.
    /// </summary>
    public async Task<(RoutingRulesVersion Rules, RoutingTable Table)?> TableAsync(CancellationToken cancellationToken)
    {
        var (cached, generation) = cache.Read();
        if (cached is not null)
        {
            return cached;
        }

        if (await CurrentAsync(cancellationToken) is not { } current)
        {
            return null;
        }

        // Saved rules were validated on save; a set that fails now (a newer rule in the code) is refused loudly.
        var table = RoutingTable.From(current.Rules);
        cache.Store(current, table, generation);
        return (current, table);
    }

    /// <summary>
    /// Replaces the rule set, if it is still at <paramref name="expectedVersion"/> (0: there is none yet), after
    /// validating the whole new set. Takes effect on the next routing decision of every host.
    /// </summary>
    /// <exception cref="RoutingValidationException">The set breaks a rule; nothing is saved.</exception>
    /// <exception cref="RoutingConflictException">The set is no longer at <paramref name="expectedVersion"/>.</exception>
    public async Task<RoutingRulesVersion> SaveAsync(RoutingRuleSet rules, int expectedVersion, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        RoutingRuleValidation.ThrowIfInvalid(rules);
        var saved = new RoutingRulesVersion(expectedVersion + 1, rules, time.GetUtcNow(), changedBy);
        await using (var transaction = await database.BeginWriteAsync(cancellationToken))
        {
            if (await CurrentVersionAsync(transaction, cancellationToken) != expectedVersion)
            {
                throw await ConflictAsync(expectedVersion, cancellationToken);
            }

            try
            {
                await transaction.ExecuteAsync(
                    $"INSERT INTO routing_rules (version, changed_at, changed_by, document) VALUES (@version, @at, @by, {database.Json("@document")})",
                    cancellationToken,
                    ("@version", saved.Version), ("@at", saved.ChangedAt.ToString("O", CultureInfo.InvariantCulture)), ("@by", changedBy),
                    ("@document", RoutingJson.Serialize(rules)));
                var notify = database.NotifySql("@channel", "@payload");
                if (notify.Length > 0)
                {
                    await transaction.ExecuteAsync(notify, cancellationToken, ("@channel", RoutingRulesCache.NotificationChannel),
                        ("@payload", saved.Version.ToString(CultureInfo.InvariantCulture)));
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException exception) when (database.IsUniqueViolation(exception))
            {
                // Another host saved the same version between our read and our insert.
                throw await ConflictAsync(expectedVersion, cancellationToken);
            }
        }

        cache.Invalidate();
        return saved;
    }

    private async Task<RoutingConflictException> ConflictAsync(int expectedVersion, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        return new RoutingConflictException(
            $"The routing rules are at version {current?.Version ?? 0}, not {expectedVersion}: someone saved them since they were read.", current);
    }

    private static async Task<int> CurrentVersionAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM routing_rules");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static RoutingRulesVersion Read(DbDataReader reader) => new(
        reader.GetInt32(0),
        RoutingJson.Deserialize(reader.GetString(3)),
        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        reader.GetString(2));
}
