using System.Data.Common;

namespace Conversational.Storage;

/// <summary>
/// A write transaction on its own connection. On SQLite it also holds the process's single-writer gate, so
/// concurrent writers queue asynchronously here rather than colliding on the file lock, where the driver would put
/// the thread to sleep and retry.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SemaphoreSlim? _gate;

    private WriteTransaction(DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate)
    {
        _connection = connection;
        _transaction = transaction;
        _gate = gate;
    }

    internal static async Task<WriteTransaction> BeginAsync(DbDataSource dataSource, SemaphoreSlim? gate, CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        DbConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(connection, transaction, gate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate?.Release();
            throw;
        }
    }

    /// <summary>A command in this transaction with the given parameters.</summary>
    public DbCommand CreateCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        Database.AddParameters(command, parameters);
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    /// <summary>Rolls back unless committed, and gives the connection and the gate back.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate?.Release();
        }
    }
}
