using Conversational.Storage;

namespace Conversational.Knowledge.Articles;

public sealed partial class SqlKnowledgeStore
{
    /// <summary>Adds a new entry at version 1.</summary>
    /// <exception cref="KnowledgeValidationException">The content breaks a rule.</exception>
    /// <exception cref="KnowledgeConflictException">An entry with this id exists (retired ones too).</exception>
    public async Task<KnowledgeEntry> CreateAsync(KnowledgeContent content, string changedBy, CancellationToken cancellationToken)
    {
        var tidy = Prepare(content);
        var written = await WriteAsync(changedBy, async (transaction, now) =>
        {
            if (await FindAsync(transaction, tidy.Id, cancellationToken) is { } existing)
            {
                throw new KnowledgeConflictException($"An entry with id '{tidy.Id}' exists already.", existing);
            }

            return [(KnowledgeChangeKind.Created, new KnowledgeEntry(tidy, 1, KnowledgeStatus.Active, now, changedBy))];
        }, cancellationToken);
        return written[0];
    }

    /// <summary>
    /// Replaces the content of the entry with <paramref name="content"/>'s id, if it is still at
    /// <paramref name="expectedVersion"/>. The same content as now writes nothing and returns the entry as it is.
    /// </summary>
    /// <returns>The entry after the edit; null when there is no entry with this id.</returns>
    /// <exception cref="KnowledgeConflictException">The entry is no longer at <paramref name="expectedVersion"/>.</exception>
    public async Task<KnowledgeEntry?> EditAsync(KnowledgeContent content, int expectedVersion, string changedBy,
        CancellationToken cancellationToken)
    {
        var tidy = Prepare(content);
        KnowledgeEntry? result = null;
        await WriteAsync(changedBy, async (transaction, now) =>
        {
            var current = await CurrentAtAsync(transaction, tidy.Id, expectedVersion, cancellationToken);
            result = current;
            if (current is null || current.Content == tidy)
            {
                return [];
            }

            result = new KnowledgeEntry(tidy, current.Version + 1, current.Status, now, changedBy);
            return [(KnowledgeChangeKind.Edited, result)];
        }, cancellationToken);
        return result;
    }

    /// <summary>Takes the entry out of the bot's answers, if it is still at <paramref name="expectedVersion"/>; retiring a retired entry changes nothing.</summary>
    /// <returns>The retired entry; null when there is no entry with this id.</returns>
    /// <exception cref="KnowledgeConflictException">The entry is no longer at <paramref name="expectedVersion"/>.</exception>
    public async Task<KnowledgeEntry?> RetireAsync(string id, int expectedVersion, string changedBy, CancellationToken cancellationToken)
    {
        KnowledgeEntry? result = null;
        await WriteAsync(changedBy, async (transaction, now) =>
        {
            var current = await CurrentAtAsync(transaction, id, expectedVersion, cancellationToken);
            result = current;
            if (current is null || current.Status == KnowledgeStatus.Retired)
            {
                return [];
            }

            result = current with { Version = current.Version + 1, Status = KnowledgeStatus.Retired, ChangedAt = now, ChangedBy = changedBy };
            return [(KnowledgeChangeKind.Retired, result)];
        }, cancellationToken);
        return result;
    }

    /// <summary>
    /// Creates or updates many entries by id, all or nothing: a new id is created, a changed content makes a new
    /// version (the status is kept), the same content writes nothing. So importing the same file twice changes nothing.
    /// </summary>
    /// <exception cref="KnowledgeValidationException">An entry breaks a rule, or an id is given twice; nothing is written.</exception>
    public async Task<KnowledgeImportResult> ImportAsync(IReadOnlyList<KnowledgeContent> contents, string changedBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var tidy = contents.Select(Prepare).ToList();
        if (tidy.GroupBy(content => content.Id, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList()
            is { Count: > 0 } repeated)
        {
            throw new KnowledgeValidationException([.. repeated.Select(id => $"id: '{id}' is given more than once.")]);
        }

        var unchanged = new List<string>();
        var written = await WriteAsync(changedBy, async (transaction, now) =>
        {
            var versions = new List<(KnowledgeChangeKind, KnowledgeEntry)>();
            foreach (var content in tidy)
            {
                var current = await FindAsync(transaction, content.Id, cancellationToken);
                if (current is null)
                {
                    versions.Add((KnowledgeChangeKind.Created, new KnowledgeEntry(content, 1, KnowledgeStatus.Active, now, changedBy)));
                }
                else if (current.Content == content)
                {
                    unchanged.Add(content.Id);
                }
                else
                {
                    versions.Add((KnowledgeChangeKind.Edited, new KnowledgeEntry(content, current.Version + 1, current.Status, now, changedBy)));
                }
            }

            return versions;
        }, cancellationToken);
        return new KnowledgeImportResult(
            [.. written.Where(entry => entry.Version == 1).Select(entry => entry.Id)],
            [.. written.Where(entry => entry.Version > 1).Select(entry => entry.Id)],
            unchanged);
    }

    private static KnowledgeContent Prepare(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tidy = content.Tidied();
        KnowledgeValidation.Check(tidy);
        return tidy;
    }

    private static async Task<KnowledgeEntry?> CurrentAtAsync(WriteTransaction transaction, string id, int expectedVersion,
        CancellationToken cancellationToken)
    {
        var current = await FindAsync(transaction, id, cancellationToken);
        if (current is not null && current.Version != expectedVersion)
        {
            throw new KnowledgeConflictException(
                $"Entry '{id}' is at version {current.Version}, not {expectedVersion}: someone changed it since it was read.", current);
        }

        return current;
    }

    /// <summary>
    /// Runs <paramref name="decide"/> in a write transaction under the writers' lock and writes the versions it returns
    /// (current row and version row each), with a notification for the other hosts; announces them here once committed.
    /// </summary>
    private async Task<IReadOnlyList<KnowledgeEntry>> WriteAsync(string changedBy,
        Func<WriteTransaction, DateTimeOffset, Task<List<(KnowledgeChangeKind Kind, KnowledgeEntry Entry)>>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        await using var writer = await database.LockAsync(WriterLock, cancellationToken);
        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        var versions = await decide(transaction, time.GetUtcNow());
        if (versions.Count == 0)
        {
            return [];
        }

        long sequence = 0;
        foreach (var (kind, entry) in versions)
        {
            sequence = await WriteVersionAsync(transaction, kind, entry, cancellationToken);
        }

        var notify = database.NotifySql("@channel", "@sequence");
        if (notify.Length > 0)
        {
            await transaction.ExecuteAsync(notify, cancellationToken,
                ("@channel", KnowledgeChangeFeed.NotificationChannel), ("@sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await transaction.CommitAsync(cancellationToken);
        changes.Announce(sequence);
        return [.. versions.Select(version => version.Entry)];
    }

    private async Task<long> WriteVersionAsync(WriteTransaction transaction, KnowledgeChangeKind kind, KnowledgeEntry entry,
        CancellationToken cancellationToken)
    {
        var document = KnowledgeSchema.Serialize(entry);
        await transaction.ExecuteAsync(
            $"""
            INSERT INTO knowledge_entries (entry_id, version, status, language, document)
            VALUES (@id, @version, @status, @language, {database.Json("@document")})
            ON CONFLICT (entry_id) DO UPDATE SET version = excluded.version, status = excluded.status,
                language = excluded.language, document = excluded.document
            """,
            cancellationToken,
            ("@id", entry.Id), ("@version", entry.Version), ("@status", entry.Status.ToString()), ("@language", entry.Content.Language),
            ("@document", document));
        await using var insert = transaction.CreateCommand(
            $"""
            INSERT INTO knowledge_versions (entry_id, version, change, changed_at, changed_by, document)
            VALUES (@id, @version, @change, @at, @by, {database.Json("@document")})
            RETURNING sequence
            """,
            ("@id", entry.Id), ("@version", entry.Version), ("@change", kind.ToString()), ("@at", KnowledgeSchema.Instant(entry.ChangedAt)),
            ("@by", entry.ChangedBy), ("@document", document));
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What an import did, by entry id.</summary>
public sealed record KnowledgeImportResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged);
