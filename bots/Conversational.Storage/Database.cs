using System.Data.Common;

namespace Conversational.Storage;

/// <summary>
/// One database, SQLite or PostgreSQL, with the few things that differ between them. Stores write portable SQL
/// (both engines speak <c>INSERT … ON CONFLICT</c>) and ask this type only for what cannot be portable.
/// </summary>
public abstract class Database(DbDataSource dataSource) : IAsyncDisposable
{
    public DbDataSource DataSource { get; } = dataSource;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>How a JSON text parameter is written in SQL: PostgreSQL stores it as <c>jsonb</c>.</summary>
    public abstract string Json(string parameterName);

    /// <summary>Column type for a JSON document.</summary>
    public abstract string JsonType { get; }

    /// <summary>True when the exception says a primary key or unique index rejected the row.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Holds an exclusive lock on <paramref name="key"/> until disposed: across hosts on PostgreSQL (advisory lock),
    /// within this process on SQLite (the embedded store has one host).
    /// </summary>
    public abstract ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A statement that tells the other hosts that a channel has news, to run inside a write transaction (delivered at
    /// commit); empty where there are no other hosts to tell. PostgreSQL uses NOTIFY; the embedded SQLite store has one
    /// host. Given parameter names, so the caller can send it in the same round trip as its write.
    /// </summary>
    public virtual string NotifySql(string channelParameter, string payloadParameter) => "";

    /// <summary>Prepares a new database file or server for use (journal mode and the like). Runs before migrations.</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Where writers of this process queue when the engine takes one writer at a time (SQLite); null where writers
    /// may run side by side.
    /// </summary>
    protected virtual SemaphoreSlim? WriterGate => null;

    /// <summary>Opens a connection and begins a write transaction on it.</summary>
    public Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        WriteTransaction.BeginAsync(DataSource, WriterGate, cancellationToken);

    /// <summary>Runs one statement on its own (autocommit), as a writer.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var gate = WriterGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            await using var command = DataSource.CreateCommand(sql);
            AddParameters(command, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    public static void AddParameters(DbCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
