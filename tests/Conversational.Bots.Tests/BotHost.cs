using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conversational.Bots.Tests;

/// <summary>Which store a test runs against; the same cases run on both.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>The bots runtime in a generic host on a fresh database (a temp SQLite file or a new PostgreSQL database).</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _sqliteDirectory;

    private BotHost(IHost host, string? sqliteDirectory)
    {
        _host = host;
        _sqliteDirectory = sqliteDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public ConversationRuntime Runtime => Services.GetRequiredService<ConversationRuntime>();

    public IConversationStore Store => Services.GetRequiredService<IConversationStore>();

    /// <summary>The settings that point a host at the store, for tests that build more than one host on it.</summary>
    public IReadOnlyDictionary<string, string?> StorageSettings { get; private init; } = new Dictionary<string, string?>();

    public static async Task<BotHost> StartAsync(StoreKind store, PostgresServer? postgres = null,
        Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
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
            storage["Storage:PostgreSqlConnectionString"] = await postgres.CreateDatabaseAsync("bots");
        }

        return await StartOnAsync(storage, configureServices, settings, sqliteDirectory);
    }

    /// <summary>A second host on the same store, as another process would be.</summary>
    public Task<BotHost> StartPeerAsync(Action<IServiceCollection>? configureServices = null) =>
        StartOnAsync(StorageSettings, configureServices, settings: null, sqliteDirectory: null);

    private static async Task<BotHost> StartOnAsync(IReadOnlyDictionary<string, string?> storage, Action<IServiceCollection>? configureServices,
        IReadOnlyDictionary<string, string?>? settings, string? sqliteDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(storage);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddBots();
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new BotHost(host, sqliteDirectory) { StorageSettings = storage };
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
