using Conversational.Knowledge.Articles;
using Conversational.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversational.Knowledge.Tests.Articles;

public sealed class DemoKnowledgeTests : IAsyncLifetime
{
    private static readonly string[] Domains =
        ["coupons", "activities", "sizes", "materials", "shipping", "returns", "bills", "installments", "early-payoff", "credit-limit", "complaints"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("demo-knowledge.");
    private SqliteDatabase _database = null!;
    private SqlKnowledgeStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.FullName, "demo.db"));
        await new SchemaMigrator(_database, [KnowledgeSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        _store = new SqlKnowledgeStore(_database, new KnowledgeChangeFeed(_database), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void TheDemoKnowledge_HasAtLeast80ValidEntries_EveryTopicInChineseAndEnglish()
    {
        var entries = DemoKnowledge.Load();

        Assert.True(entries.Count >= 80, $"{entries.Count} entries");
        var topics = entries.GroupBy(entry => entry.Id[..entry.Id.LastIndexOf('.')]).ToList();
        Assert.All(topics, topic => Assert.Equal(
            [$"{topic.Key}.en:en", $"{topic.Key}.zh:zh-CN"], topic.Select(entry => $"{entry.Id}:{entry.Language}").Order(StringComparer.Ordinal)));
        Assert.All(topics, topic => Assert.Equal(topic.First().Tags, topic.Last().Tags));
    }

    [Fact]
    public void TheDemoKnowledge_CoversEverySeedDomain_WithFaqsAndArticles()
    {
        var entries = DemoKnowledge.Load();

        Assert.All(Domains, domain => Assert.Contains(entries, entry => entry.Tags.Contains(domain)));
        Assert.Contains(entries, entry => entry.Kind == KnowledgeKind.Article);
        Assert.Contains(entries, entry => entry.Channels.Count > 0);
    }

    [Fact]
    public async Task TheSeed_AddsWhatIsMissing_AndNeverUndoesATrainersEdit()
    {
        var seed = new DemoKnowledgeSeed(_store);
        await seed.SeedAsync(default);
        var returns = (await _store.FindAsync("returns-no-reason-window.zh", default))!;
        await _store.EditAsync(returns.Content with { Title = "训练师改过的标题" }, returns.Version, "trainer", default);
        await _store.RetireAsync("shipping-fee.en", 1, "trainer", default);

        await seed.SeedAsync(default);

        Assert.Equal(DemoKnowledge.Load().Count, (await _store.ListAsync(default)).Count);
        Assert.Equal("训练师改过的标题", (await _store.FindAsync("returns-no-reason-window.zh", default))!.Content.Title);
        Assert.Equal(KnowledgeStatus.Retired, (await _store.FindAsync("shipping-fee.en", default))!.Status);
        Assert.All(await _store.ListAsync(default), entry => Assert.True(entry.Version <= 2));
    }
}
