using Conversational.Handoff.Routing;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Handoff.Tests.Routing;

/// <summary>
/// The routing rules store on a real database: versions with who and when, validation before saving, stale versions
/// refused, and the next decision using the new rules at once. Each engine runs the same cases.
/// </summary>
public abstract class RoutingRuleStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _location = null!;
    private Database _database = null!;
    private SqlRoutingRuleStore _store = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateDatabaseAsync();
        _database = _location.Open();
        await new SchemaMigrator(_database, [RoutingSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        _store = new SqlRoutingRuleStore(_database, new RoutingRulesCache(_time), _time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _location.Dispose();
    }

    [Fact]
    public async Task BeforeTheFirstSave_ThereAreNoRules()
    {
        Assert.Null(await _store.CurrentAsync(default));
        Assert.Null(await _store.TableAsync(default));
    }

    [Fact]
    public async Task Save_StoresVersionOne_WithWhoAndWhen_AndReadsBackTheSameDocument()
    {
        var saved = await _store.SaveAsync(RoutingSamples.Rules(), expectedVersion: 0, "admin", default);
        var current = await _store.CurrentAsync(default);

        Assert.Equal((1, "admin", Now), (current!.Version, current.ChangedBy, current.ChangedAt));
        Assert.Equal(saved.Version, current.Version);
        Assert.Equal(RoutingJson.Serialize(RoutingSamples.Rules()), RoutingJson.Serialize(current.Rules));
    }

    [Fact]
    public async Task Save_FromAStaleVersion_IsAConflict_AndKeepsTheCurrentRules()
    {
        await _store.SaveAsync(RoutingSamples.Rules(), 0, "admin", default);
        await _store.SaveAsync(DemoRoutingRules.Load(), 1, "admin", default);

        var conflict = await Assert.ThrowsAsync<RoutingConflictException>(() => _store.SaveAsync(RoutingSamples.Rules(), 1, "other", default));

        Assert.Equal(2, conflict.Current!.Version);
        Assert.Equal(RoutingJson.Serialize(DemoRoutingRules.Load()), RoutingJson.Serialize((await _store.CurrentAsync(default))!.Rules));
    }

    [Fact]
    public async Task Save_AnInvalidSet_IsRefusedWithEveryProblem_AndSavesNothing()
    {
        var invalid = RoutingSamples.Rules() with { Default = new RoutingTarget("nobody", ReceptionMode.BotFirst, 200) };

        var refused = await Assert.ThrowsAsync<RoutingValidationException>(() => _store.SaveAsync(invalid, 0, "admin", default));

        Assert.Equal(2, refused.Problems.Count);
        Assert.Null(await _store.CurrentAsync(default));
    }

    [Fact]
    public async Task ASave_TakesEffectOnTheNextDecision_WithoutARestart()
    {
        await _store.SaveAsync(RoutingSamples.Rules(), 0, "admin", default);
        var before = (await _store.TableAsync(default))!.Value.Table.Route(RoutingSamples.Request() with { VipLevel = 7 });
        var raised = RoutingSamples.Rules() with
        {
            Rules = [.. RoutingSamples.Rules().Rules.Select(rule => rule.Name == "vip-high" ? rule with { When = new RoutingConditions(VipLevel: new VipRange(9, 10)) } : rule)],
        };

        await _store.SaveAsync(raised, 1, "admin", default);
        var (version, table) = (await _store.TableAsync(default))!.Value;

        Assert.Equal("vip-high", before.Rule);
        Assert.Equal(2, version.Version);
        Assert.Equal(RoutingTable.DefaultRuleName, table.Route(RoutingSamples.Request() with { VipLevel = 7 }).Rule);
    }

    [Fact]
    public async Task ASaveWhoseNotificationWasLost_IsPickedUpAfterTheCachesMaxAge()
    {
        await _store.SaveAsync(RoutingSamples.Rules(), 0, "admin", default);
        Assert.Equal(1, (await _store.TableAsync(default))!.Value.Rules.Version);
        var elsewhere = new SqlRoutingRuleStore(_database, new RoutingRulesCache(_time), _time);

        await elsewhere.SaveAsync(DemoRoutingRules.Load(), 1, "admin", default);
        var meanwhile = (await _store.TableAsync(default))!.Value.Rules.Version;
        _time.Advance(RoutingRulesCache.MaxAge);
        var later = (await _store.TableAsync(default))!.Value.Rules.Version;

        Assert.Equal((1, 2), (meanwhile, later));
    }
}

/// <summary>The contract on the embedded engine, each test on a fresh temp SQLite file.</summary>
public sealed class SqliteRoutingRuleStoreTests : RoutingRuleStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("routing"));
}

/// <summary>The contract on PostgreSQL, each test on a new database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRoutingRuleStoreTests(PostgresFixture postgres) : RoutingRuleStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "routing");
}

/// <summary>On PostgreSQL, a save on one host reaches the next decision on another (LISTEN/NOTIFY drops its cached rules).</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoutingRulesAcrossHostsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ASaveOnOneHost_IsUsedByTheNextDecisionOnAnother()
    {
        await using var first = await StoreHost.StartAsync(StoreKind.PostgreSql, postgres.Server, builder =>
        {
            builder.AddStorage();
            builder.Services.AddHandoffRouting();
        });
        await using var second = await first.StartPeerAsync();
        await second.Services.GetRequiredService<DatabaseNotificationListener>().Listening;
        var here = first.Services.GetRequiredService<SqlRoutingRuleStore>();
        var there = second.Services.GetRequiredService<SqlRoutingRuleStore>();
        await here.SaveAsync(RoutingSamples.Rules(), 0, "admin", default);
        Assert.Equal(1, (await there.TableAsync(default))!.Value.Rules.Version);

        await here.SaveAsync(DemoRoutingRules.Load(), 1, "admin", default);

        Assert.Equal(2, await NextVersionAsync(there, after: 1).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // Waits for the notification to arrive: the cached version 1 is served until it does.
    private static async Task<int> NextVersionAsync(SqlRoutingRuleStore store, int after)
    {
        while ((await store.TableAsync(default))!.Value.Rules.Version == after)
        {
            await Task.Delay(20);
        }

        return (await store.TableAsync(default))!.Value.Rules.Version;
    }
}
