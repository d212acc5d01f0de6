using Conversational.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conversational.Skills.Tests;

/// <summary>Which store a test runs against; the same cases run on both.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>Storage and the skills in a generic host on a fresh database (a temp SQLite file or a new PostgreSQL database).</summary>
public sealed class SkillsHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _sqliteDirectory;

    private SkillsHost(IHost host, string? sqliteDirectory)
    {
        _host = host;
        _sqliteDirectory = sqliteDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <param name="seedDemoData">Whether the demo seeds (cards among them) run at start.</param>
    /// <param name="configureServices">Last changes to the services, e.g. a fake clock.</param>
    /// <param name="configuration">More settings, e.g. an <c>InstallmentProducts</c> section.</param>
    public static async Task<SkillsHost> StartAsync(StoreKind store, PostgresServer? postgres = null, bool seedDemoData = true,
        Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        string? sqliteDirectory = null;
        var settings = new Dictionary<string, string?> { ["Storage:SeedDemoData"] = seedDemoData ? "true" : "false" };
        if (store == StoreKind.Sqlite)
        {
            sqliteDirectory = Directory.CreateTempSubdirectory("conversational-skills-tests.").FullName;
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:SqlitePath"] = Path.Combine(sqliteDirectory, "test.db");
        }
        else
        {
            ArgumentNullException.ThrowIfNull(postgres);
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:PostgreSqlConnectionString"] = await postgres.CreateDatabaseAsync("skills");
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.AddStorage();
        builder.AddSkills();
        configureServices?.Invoke(builder.Services);
        var skillsHost = new SkillsHost(builder.Build(), sqliteDirectory);
        try
        {
            await skillsHost._host.StartAsync();
            return skillsHost;
        }
        catch
        {
            await skillsHost.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }
}
