using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Storage;

/// <summary>Migrates the schema and seeds demo data before the host takes its first request.</summary>
public sealed partial class DatabaseInitializer(SchemaMigrator migrator, IEnumerable<IDemoSeed> seeds, IOptions<StorageOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (!options.Value.SeedDemoData)
        {
            return;
        }

        foreach (var seed in seeds)
        {
            await seed.SeedAsync(cancellationToken);
            LogSeeded(seed.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo seed {Seed} is in place")]
    private partial void LogSeeded(string seed);
}
