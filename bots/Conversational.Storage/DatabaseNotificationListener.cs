using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Conversational.Storage;

/// <summary>
/// On PostgreSQL, listens on every handler's channel over one dedicated connection and hands notifications to the
/// handlers, reconnecting after a dropped connection. On SQLite there is one host and nothing to listen for.
/// </summary>
public sealed partial class DatabaseNotificationListener(Database database, IEnumerable<IDatabaseNotificationHandler> handlers,
    ILogger<DatabaseNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly ILookup<string, IDatabaseNotificationHandler> _handlers = handlers.ToLookup(h => h.Channel, StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (at once where there is nothing to listen for).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is not PostgresDatabase || _handlers.Count == 0)
        {
            _listening.TrySetResult();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(exception);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = (NpgsqlConnection)await database.DataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) =>
        {
            foreach (var handler in _handlers[notification.Channel])
            {
                handler.OnNotification(notification.Payload);
            }
        };

        foreach (var channel in _handlers.Select(group => group.Key))
        {
            await using var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        _listening.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for database notifications failed; reconnecting")]
    private partial void LogListenFailed(Exception exception);
}
