using Conversational.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversational.Host.Hosting;

/// <summary>Ready means the database answers and the schema is in place.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT COUNT(*) FROM schema_migrations");
            var migrations = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), null);
            return HealthCheckResult.Healthy($"{database.Provider}, {migrations} migrations applied");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} is not reachable", exception);
        }
    }
}
