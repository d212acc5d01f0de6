using System.Data.Common;
using Npgsql;

namespace Conversational.Storage;

/// <summary>The production store: one PostgreSQL shared by any number of hosts.</summary>
public sealed class PostgresDatabase(NpgsqlDataSource dataSource) : Database(dataSource)
{
    // Waiters in this process queue here first, so a burst on one conversation holds one connection, not fifty.
    private readonly KeyedLock _localLocks = new();

    // A held lock keeps a pooled connection; the work under the lock needs another. Letting locks take at most half
    // the pool leaves the other half for that work, so a burst of turns queues here instead of deadlocking the pool.
    private readonly SemaphoreSlim _lockConnections =
        new(Math.Max(1, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize / 2));

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string JsonType => "jsonb";

    public override string Json(string parameterName) => $"CAST({parameterName} AS jsonb)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string NotifySql(string channelParameter, string payloadParameter) =>
        $"SELECT pg_notify({channelParameter}, {payloadParameter});";

    public override async ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        var local = await _localLocks.AcquireAsync(key, cancellationToken);
        try
        {
            await _lockConnections.WaitAsync(cancellationToken);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = (NpgsqlConnection)await DataSource.OpenConnectionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", connection))
            {
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new AdvisoryLock(connection, key, () => ReleaseAsync(local));
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await ReleaseAsync(local);
            throw;
        }
    }

    private ValueTask ReleaseAsync(IAsyncDisposable local)
    {
        _lockConnections.Release();
        return local.DisposeAsync();
    }

    /// <summary>A session-level advisory lock, released explicitly; closing the connection would release it too.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, string key, Func<ValueTask> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
                await release();
            }
        }
    }
}
