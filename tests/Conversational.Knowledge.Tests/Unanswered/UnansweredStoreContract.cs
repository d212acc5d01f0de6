using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Unanswered;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversational.Knowledge.Tests.Unanswered;

/// <summary>The unanswered questions and trainers' intent examples on a real database; each engine runs the same cases.</summary>
public abstract class UnansweredStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase _location = null!;
    private Database _database = null!;
    private SqlUnansweredStore _store = null!;
    private TrainerIntentExamples _examples = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateDatabaseAsync();
        _database = _location.Open();
        await new SchemaMigrator(_database, [UnansweredSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        _store = new SqlUnansweredStore(_database);
        _examples = new TrainerIntentExamples(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _location.Dispose();
    }

    [Fact]
    public async Task ARecordedQuestion_IsReadBackWithEveryField_AndTheSameMessageIsRecordedOnce()
    {
        var question = Question("c1", "a1", "可以开发票吗", Now) with { KnowledgeScore = null, Reason = UnansweredReason.NoAnswerHandoff };

        await _store.RecordAsync(question, default);
        await _store.RecordAsync(question with { Text = "retried turn" }, default);

        var stored = Assert.Single(await _store.OpenAsync("zh-CN", Now.AddDays(-1), 10, default));
        Assert.True(stored.Id > 0);
        Assert.Equal(question with { Id = stored.Id }, stored);
    }

    [Fact]
    public async Task Open_KeepsTheLanguageAndWindow_OldestFirst_AndTheNewestWhenLimited()
    {
        await _store.RecordAsync(Question("c1", "a1", "太早了", Now.AddDays(-10)), default);
        await _store.RecordAsync(Question("c1", "a2", "第一", Now.AddHours(-3)), default);
        await _store.RecordAsync(Question("c2", "a1", "invoice?", Now.AddHours(-2)) with { Language = "en" }, default);
        await _store.RecordAsync(Question("c2", "a2", "第二", Now.AddHours(-2)), default);
        await _store.RecordAsync(Question("c3", "a1", "第三", Now.AddHours(-1)), default);

        var window = await _store.OpenAsync("zh-CN", Now.AddDays(-1), 10, default);
        var newest = await _store.OpenAsync("zh-CN", Now.AddDays(-1), 2, default);

        Assert.Equal(["第一", "第二", "第三"], window.Select(question => question.Text));
        Assert.Equal(["第二", "第三"], newest.Select(question => question.Text));
        Assert.Equal(["invoice?"], (await _store.OpenAsync("en", Now.AddDays(-1), 10, default)).Select(question => question.Text));
    }

    [Fact]
    public async Task Resolve_ClosesOnlyOpenQuestions_AndCountsThem()
    {
        await _store.RecordAsync(Question("c1", "a1", "一", Now), default);
        await _store.RecordAsync(Question("c1", "a2", "二", Now), default);
        await _store.RecordAsync(Question("c1", "a3", "三", Now), default);
        var ids = (await _store.OpenAsync("zh-CN", Now.AddDays(-1), 10, default)).Select(question => question.Id).ToList();

        var first = await _store.ResolveAsync([ids[0], ids[1]], "dismissed", "trainer", Now, default);
        var again = await _store.ResolveAsync([ids[1], ids[2]], "faq:invoice.zh", "trainer", Now, default);

        Assert.Equal((2, 1), (first, again));
        Assert.Empty(await _store.OpenAsync("zh-CN", Now.AddDays(-1), 10, default));
        Assert.Equal(0, await _store.ResolveAsync([], "dismissed", "trainer", Now, default));
    }

    [Fact]
    public async Task TrainerExamples_AreAddedOncePerIntent_AndListedInTheOrderAdded()
    {
        var added = await _examples.AddAsync(["可以开发票吗", "怎么开发票"], "faq_bill", "zh-CN", "trainer", Now, default);
        var again = await _examples.AddAsync(["怎么开发票", "invoice please"], "faq_bill", "en", "trainer", Now, default);

        Assert.Equal((2, 1), (added, again));
        Assert.Equal(
            [new IntentExample("可以开发票吗", "faq_bill"), new IntentExample("怎么开发票", "faq_bill"), new IntentExample("invoice please", "faq_bill")],
            await _examples.ListAsync(default));
    }

    private static UnansweredQuestion Question(string conversation, string activity, string text, DateTimeOffset at) =>
        new(0, conversation, activity, text, "zh-CN", "webchat", "out_of_scope", 0.42, 0.31f, UnansweredReason.OutOfScope, at);
}

/// <summary>The contract on the embedded engine, each test on a fresh temp SQLite file.</summary>
public sealed class SqliteUnansweredStoreTests : UnansweredStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("unanswered"));
}

/// <summary>The contract on PostgreSQL, each test on a new database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUnansweredStoreTests(PostgresFixture postgres) : UnansweredStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "unanswered");
}
