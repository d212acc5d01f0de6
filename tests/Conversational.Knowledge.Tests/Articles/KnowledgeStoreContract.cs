using Conversational.Knowledge.Articles;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Knowledge.Tests.Articles;

/// <summary>
/// The knowledge store on a real database: versions for every change with who and when, optimistic concurrency,
/// retirement instead of deletion, idempotent imports, the "answerable now" query and the change feed. Each engine
/// runs the same cases.
/// </summary>
public abstract class KnowledgeStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _location = null!;
    private Database _database = null!;
    private KnowledgeChangeFeed _feed = null!;
    private SqlKnowledgeStore _store = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateDatabaseAsync();
        _database = _location.Open();
        await new SchemaMigrator(_database, [KnowledgeSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        _feed = new KnowledgeChangeFeed(_database);
        _store = new SqlKnowledgeStore(_database, _feed, _time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _location.Dispose();
    }

    [Fact]
    public async Task Create_StoresVersionOne_Active_WithWhoAndWhen()
    {
        var created = await _store.CreateAsync(KnowledgeSamples.Faq() with { Title = "  七天无理由退货怎么算 " }, "trainer", default);
        var found = await _store.FindAsync("returns-window", default);

        Assert.Equal(created, found);
        Assert.Equal((1, KnowledgeStatus.Active, "trainer", Now), (found!.Version, found.Status, found.ChangedBy, found.ChangedAt));
        Assert.Equal("七天无理由退货怎么算", found.Content.Title);
        Assert.Equal(KnowledgeSamples.Faq(), found.Content);
    }

    [Fact]
    public async Task Create_WithATakenId_IsAConflict()
    {
        await _store.CreateAsync(KnowledgeSamples.Faq(), "trainer", default);

        var conflict = await Assert.ThrowsAsync<KnowledgeConflictException>(
            () => _store.CreateAsync(KnowledgeSamples.Faq() with { Title = "另一条" }, "admin", default));

        Assert.Equal(1, conflict.Current!.Version);
        Assert.Equal("七天无理由退货怎么算", (await _store.FindAsync("returns-window", default))!.Content.Title);
    }

    [Fact]
    public async Task Create_InvalidContent_IsRefusedWithEveryProblem()
    {
        var invalid = KnowledgeSamples.Faq() with { Questions = [], Language = "fr" };

        var refused = await Assert.ThrowsAsync<KnowledgeValidationException>(() => _store.CreateAsync(invalid, "trainer", default));

        Assert.Equal(2, refused.Problems.Count);
        Assert.Null(await _store.FindAsync("returns-window", default));
    }

    [Fact]
    public async Task Edit_AtTheExpectedVersion_WritesTheNextVersion_AndHistorySaysWhatChanged()
    {
        await _store.CreateAsync(KnowledgeSamples.Faq(), "trainer", default);
        _time.Advance(TimeSpan.FromHours(1));

        var edited = await _store.EditAsync(KnowledgeSamples.Faq() with { Answer = "签收次日起7天内。", Tags = ["returns", "policy"] }, 1, "admin", default);
        var history = await _store.HistoryAsync("returns-window", default);

        Assert.Equal(2, edited!.Version);
        Assert.Equal([2, 1], history.Select(version => version.Entry.Version));
        Assert.Equal((KnowledgeChangeKind.Edited, "admin", Now.AddHours(1)), (history[0].Kind, history[0].Entry.ChangedBy, history[0].Entry.ChangedAt));
        Assert.Equal(["answer", "tags"], history[0].ChangedFields);
        Assert.Equal(KnowledgeChangeKind.Created, history[1].Kind);
        Assert.Contains("title", history[1].ChangedFields);
        Assert.Equal(KnowledgeSamples.Faq().Answer, history[1].Entry.Content.Answer);
    }

    [Fact]
    public async Task Edit_FromAStaleVersion_IsAConflict_AndChangesNothing()
    {
        await _store.CreateAsync(KnowledgeSamples.Faq(), "trainer", default);
        await _store.EditAsync(KnowledgeSamples.Faq() with { Title = "第一次修改" }, 1, "trainer", default);

        var conflict = await Assert.ThrowsAsync<KnowledgeConflictException>(
            () => _store.EditAsync(KnowledgeSamples.Faq() with { Title = "第二个人的修改" }, 1, "admin", default));

        Assert.Equal("第一次修改", conflict.Current!.Content.Title);
        Assert.Equal(2, (await _store.HistoryAsync("returns-window", default)).Count);
    }

    [Fact]
    public async Task Edit_WithTheSameContent_WritesNoVersion()
    {
        await _store.CreateAsync(KnowledgeSamples.Faq(), "trainer", default);

        var same = await _store.EditAsync(KnowledgeSamples.Faq() with { Answer = "签收次日起算，**7天**内可无理由退货。\r\n\r\n" }, 1, "admin", default);

        Assert.Equal(1, same!.Version);
        Assert.Single(await _store.HistoryAsync("returns-window", default));
    }

    [Fact]
    public async Task Edit_OrRetire_AnUnknownId_ReturnsNull()
    {
        Assert.Null(await _store.EditAsync(KnowledgeSamples.Faq("nobody"), 1, "trainer", default));
        Assert.Null(await _store.RetireAsync("nobody", 1, "trainer", default));
    }

    [Fact]
    public async Task Retire_KeepsTheEntryAndItsHistory_ButItIsNoLongerAnswerable()
    {
        await _store.CreateAsync(KnowledgeSamples.Faq(), "trainer", default);

        var retired = await _store.RetireAsync("returns-window", 1, "supervisor", default);
        var again = await _store.RetireAsync("returns-window", 2, "supervisor", default);

        Assert.Equal((2, KnowledgeStatus.Retired), (retired!.Version, retired.Status));
        Assert.Equal(2, again!.Version);
        Assert.Equal(KnowledgeStatus.Retired, (await _store.FindAsync("returns-window", default))!.Status);
        Assert.Equal(["status"], (await _store.HistoryAsync("returns-window", default))[0].ChangedFields);
        Assert.Empty(await _store.AnswerableAsync(KnowledgeLanguages.Chinese, "app", default));
    }

    [Fact]
    public async Task Answerable_HonoursValidityLanguageAndChannel()
    {
        await _store.ImportAsync(
        [
            KnowledgeSamples.Faq("always"),
            KnowledgeSamples.Faq("english", KnowledgeLanguages.English),
            KnowledgeSamples.Faq("app-only") with { Channels = ["app"] },
            KnowledgeSamples.Faq("from-tomorrow") with { ValidFrom = Now.AddDays(1) },
            KnowledgeSamples.Faq("until-now") with { ValidUntil = Now },
            KnowledgeSamples.Faq("until-later") with { ValidFrom = Now.AddDays(-1), ValidUntil = Now.AddSeconds(1) },
        ], "import", default);

        Assert.Equal(["always", "app-only", "until-later"], Ids(await _store.AnswerableAsync("zh-CN", "app", default)));
        Assert.Equal(["always", "until-later"], Ids(await _store.AnswerableAsync("zh-CN", "wechat", default)));
        Assert.Equal(["english"], Ids(await _store.AnswerableAsync("en", "app", default)));

        _time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(["always", "from-tomorrow"], Ids(await _store.AnswerableAsync("zh-CN", "wechat", default)));
    }

    [Fact]
    public async Task Import_TheSameContentAgain_ChangesNothing_AndAChangedEntryGetsOneVersion()
    {
        IReadOnlyList<KnowledgeContent> batch = [KnowledgeSamples.Faq("a"), KnowledgeSamples.Faq("b")];
        var first = await _store.ImportAsync(batch, "import", default);

        var second = await _store.ImportAsync(batch, "import", default);
        var third = await _store.ImportAsync([batch[0], batch[1] with { Title = "改过的标题" }], "import", default);

        Assert.Equal(new KnowledgeImportResult(["a", "b"], [], []), first, ImportResultComparer.Instance);
        Assert.Equal(new KnowledgeImportResult([], [], ["a", "b"]), second, ImportResultComparer.Instance);
        Assert.Equal(new KnowledgeImportResult([], ["b"], ["a"]), third, ImportResultComparer.Instance);
        Assert.Single(await _store.HistoryAsync("a", default));
        Assert.Equal(2, (await _store.FindAsync("b", default))!.Version);
    }

    [Fact]
    public async Task Import_WithAnInvalidOrRepeatedEntry_WritesNothing()
    {
        await Assert.ThrowsAsync<KnowledgeValidationException>(
            () => _store.ImportAsync([KnowledgeSamples.Faq("a"), KnowledgeSamples.Faq("b") with { Owner = "" }], "import", default));
        await Assert.ThrowsAsync<KnowledgeValidationException>(
            () => _store.ImportAsync([KnowledgeSamples.Faq("a"), KnowledgeSamples.Faq("a")], "import", default));

        Assert.Empty(await _store.ListAsync(default));
    }

    [Fact]
    public async Task Changes_AreReadInCommitOrder_AndAnnouncedWhenCommitted()
    {
        var announced = new List<long>();
        _feed.Changed += (_, change) => announced.Add(change.Sequence);

        await _store.ImportAsync([KnowledgeSamples.Faq("a"), KnowledgeSamples.Faq("b")], "import", default);
        await _store.RetireAsync("a", 1, "trainer", default);
        var all = await _feed.ReadAsync(0, 10, default);
        var later = await _feed.ReadAsync(all[1].Sequence, 10, default);

        Assert.Equal([("a", KnowledgeChangeKind.Created), ("b", KnowledgeChangeKind.Created), ("a", KnowledgeChangeKind.Retired)],
            all.Select(change => (change.Entry.Id, change.Kind)));
        Assert.Equal([all[1].Sequence, all[2].Sequence], announced);
        Assert.Equal([all[2]], later);
    }

    private static IEnumerable<string> Ids(IEnumerable<KnowledgeEntry> entries) => entries.Select(entry => entry.Id);
}

/// <summary>The contract on the embedded engine, each test on a fresh temp SQLite file.</summary>
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("knowledge"));
}

/// <summary>The contract on PostgreSQL, each test on a new database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresKnowledgeStoreTests(PostgresFixture postgres) : KnowledgeStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "knowledge");
}
