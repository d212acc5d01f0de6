using Conversational.Handoff.Copilot;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Handoff.Tests.Copilot.Catalog;

/// <summary>
/// The copilot catalogue store on a real database: versions with who and when, history newest first, validation
/// before saving, stale versions refused. Each engine runs the same cases.
/// </summary>
public abstract class CopilotCatalogStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _location = null!;
    private Database _database = null!;
    private SqlCopilotCatalogStore _store = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateDatabaseAsync();
        _database = _location.Open();
        await new SchemaMigrator(_database, [CopilotCatalogSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        _store = new SqlCopilotCatalogStore(_database, new CopilotCatalogCache(_time), _time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _location.Dispose();
    }

    [Fact]
    public async Task BeforeTheFirstSave_TheCatalogueIsEmptyAtVersionZero()
    {
        var current = await _store.CurrentAsync(default);

        Assert.Equal(0, current.Version);
        Assert.Same(CopilotCatalog.Empty, current.Catalog);
        Assert.Empty(await _store.HistoryAsync(10, default));
    }

    [Fact]
    public async Task Save_StoresVersionOne_WithWhoAndWhen_AndReadsBackTheSameDocument()
    {
        var saved = await _store.SaveAsync(DemoCopilotCatalog.Load(), expectedVersion: 0, "trainer1", default);
        var current = await _store.CurrentAsync(default);

        Assert.Equal((1L, "trainer1", Now), (current.Version, current.ChangedBy, current.ChangedAt));
        Assert.Equal(saved.Version, current.Version);
        Assert.Equal(CopilotCatalogJson.Serialize(DemoCopilotCatalog.Load()), CopilotCatalogJson.Serialize(current.Catalog));
    }

    [Fact]
    public async Task History_ListsEverySave_NewestFirst_UpToTheLimit()
    {
        await _store.SaveAsync(CopilotSamples.Catalog(), 0, "trainer1", default);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _store.SaveAsync(DemoCopilotCatalog.Load(), 1, "trainer2", default);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _store.SaveAsync(CopilotSamples.Catalog() with { Offers = [] }, 2, "trainer1", default);

        var history = await _store.HistoryAsync(2, default);

        Assert.Equal([(3L, "trainer1"), (2L, "trainer2")], history.Select(version => (version.Version, version.ChangedBy)));
        Assert.Equal(Now.AddMinutes(5), history[1].ChangedAt);
        Assert.Equal(DemoCopilotCatalog.Load().Scripts.Count, history[1].Catalog.Scripts.Count);
    }

    [Fact]
    public async Task Save_FromAStaleVersion_IsAConflict_NamingBothVersions_AndKeepsTheCurrentCatalogue()
    {
        await _store.SaveAsync(CopilotSamples.Catalog(), 0, "trainer1", default);
        await _store.SaveAsync(DemoCopilotCatalog.Load(), 1, "trainer1", default);

        var conflict = await Assert.ThrowsAsync<CopilotCatalogConflictException>(() => _store.SaveAsync(CopilotSamples.Catalog(), 1, "trainer2", default));

        Assert.Equal((1L, 2L), (conflict.Expected, conflict.Actual));
        var current = await _store.CurrentAsync(default);
        Assert.Equal((2L, DemoCopilotCatalog.Load().Scripts.Count), (current.Version, current.Catalog.Scripts.Count));
    }

    [Fact]
    public async Task Save_AnInvalidCatalogue_IsRefusedWithEveryPath_AndSavesNothing()
    {
        var invalid = CopilotSamples.Catalog() with
        {
            Scripts = [CopilotSamples.Script(), CopilotSamples.Script(language: "fr", text: "Bonjour {nom}")],
        };

        var refused = await Assert.ThrowsAsync<CopilotCatalogValidationException>(() => _store.SaveAsync(invalid, 0, "trainer1", default));

        Assert.Equal(["scripts[1].id", "scripts[1].language", "scripts[1].text"], refused.Errors.Select(error => error.Path).Order());
        Assert.Equal(0, (await _store.CurrentAsync(default)).Version);
        Assert.Empty(await _store.HistoryAsync(10, default));
    }

    [Fact]
    public async Task ASave_IsReadAtOnceOnThisHost_ThoughTheCatalogueWasCached()
    {
        await _store.SaveAsync(CopilotSamples.Catalog(), 0, "trainer1", default);
        Assert.Equal(1, (await _store.CurrentAsync(default)).Version);

        await _store.SaveAsync(DemoCopilotCatalog.Load(), 1, "trainer1", default);

        Assert.Equal(2, (await _store.CurrentAsync(default)).Version);
    }

    [Fact]
    public async Task ASaveWhoseNotificationWasLost_IsPickedUpAfterTheCachesMaxAge()
    {
        await _store.SaveAsync(CopilotSamples.Catalog(), 0, "trainer1", default);
        Assert.Equal(1, (await _store.CurrentAsync(default)).Version);
        var elsewhere = new SqlCopilotCatalogStore(_database, new CopilotCatalogCache(_time), _time);

        await elsewhere.SaveAsync(DemoCopilotCatalog.Load(), 1, "trainer2", default);
        var meanwhile = (await _store.CurrentAsync(default)).Version;
        _time.Advance(CopilotCatalogCache.MaxAge);
        var later = (await _store.CurrentAsync(default)).Version;

        Assert.Equal((1L, 2L), (meanwhile, later));
    }
}

/// <summary>The contract on the embedded engine, each test on a fresh temp SQLite file.</summary>
public sealed class SqliteCopilotCatalogStoreTests : CopilotCatalogStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("copilot"));
}

/// <summary>The contract on PostgreSQL, each test on a new database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCopilotCatalogStoreTests(PostgresFixture postgres) : CopilotCatalogStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "copilot");
}

/// <summary>On PostgreSQL, a trainer's save on one host reaches the copilot on another (LISTEN/NOTIFY drops its cached copy).</summary>
[Collection(PostgresCollection.Name)]
public sealed class CopilotCatalogAcrossHostsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ASaveOnOneHost_IsSeenByTheNextReadOnAnother()
    {
        await using var first = await StoreHost.StartAsync(StoreKind.PostgreSql, postgres.Server, builder =>
        {
            builder.AddStorage();
            builder.Services.AddCopilotCatalog();
        });
        await using var second = await first.StartPeerAsync();
        await second.Services.GetRequiredService<DatabaseNotificationListener>().Listening;
        var here = first.Services.GetRequiredService<SqlCopilotCatalogStore>();
        var there = second.Services.GetRequiredService<SqlCopilotCatalogStore>();
        var seeded = (await there.CurrentAsync(default)).Version;

        await here.SaveAsync(CopilotSamples.Catalog(), seeded, "trainer1", default);

        Assert.Equal(seeded + 1, await NextVersionAsync(there, after: seeded).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single((await there.CurrentAsync(default)).Catalog.Scripts);
    }

    // Waits for the notification to arrive: the cached version is served until it does.
    private static async Task<long> NextVersionAsync(SqlCopilotCatalogStore store, long after)
    {
        while ((await store.CurrentAsync(default)).Version == after)
        {
            await Task.Delay(20);
        }

        return (await store.CurrentAsync(default)).Version;
    }
}
