using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conversational.Testing;

/// <summary>Which store a test runs against; the same cases run on both.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A generic host with the areas a test needs, on a fresh database: a temp SQLite file (deleted afterwards) or a new
/// database on the shared PostgreSQL server. Demo data is off unless the settings turn it on.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Action<IHostApplicationBuilder> _addAreas;
    private readonly string? _sqliteDirectory;

    private StoreHost(IHost host, Action<IHostApplicationBuilder> addAreas, IReadOnlyDictionary<string, string?> storageSettings,
        string? sqliteDirectory)
    {
        _host = host;
        _addAreas = addAreas;
        StorageSettings = storageSettings;
        _sqliteDirectory = sqliteDirectory;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The settings that point a host at this store, for tests that build more than one host on it.</summary>
    public IReadOnlyDictionary<string, string?> StorageSettings { get; }

    /// <param name="addAreas">Registers the areas under test, e.g. <c>b =&gt; b.AddBots()</c>.</param>
    /// <param name="settings">More configuration, applied over the storage settings.</param>
    /// <param name="configureServices">Last changes to the services, e.g. a fake clock.</param>
    public static async Task<StoreHost> StartAsync(StoreKind store, PostgresServer? postgres, Action<IHostApplicationBuilder> addAreas,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        string? sqliteDirectory = null;
        var storage = new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "false" };
        if (store == StoreKind.Sqlite)
        {
            sqliteDirectory = Directory.CreateTempSubdirectory("conversational-tests.").FullName;
            storage["Storage:Provider"] = "Sqlite";
            storage["Storage:SqlitePath"] = Path.Combine(sqliteDirectory, "test.db");
        }
        else
        {
            ArgumentNullException.ThrowIfNull(postgres);
            storage["Storage:Provider"] = "PostgreSql";
            storage["Storage:PostgreSqlConnectionString"] = await postgres.CreateDatabaseAsync("test");
        }

        return await StartOnAsync(storage, addAreas, settings, configureServices, sqliteDirectory);
    }

    /// <summary>A second host with the same areas on the same store, as another process would be.</summary>
    public Task<StoreHost> StartPeerAsync(Action<IServiceCollection>? configureServices = null) =>
        StartOnAsync(StorageSettings, _addAreas, settings: null, configureServices, sqliteDirectory: null);

    private static async Task<StoreHost> StartOnAsync(IReadOnlyDictionary<string, string?> storage, Action<IHostApplicationBuilder> addAreas,
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, string? sqliteDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(storage);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        addAreas(builder);
        configureServices?.Invoke(builder.Services);
        var host = new StoreHost(builder.Build(), addAreas, storage, sqliteDirectory);
        try
        {
            await host._host.StartAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
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
