using Conversational.Skills.Dialogs;
using Conversational.Skills.Pricing;
using Conversational.Skills.Tests.Dialogs;
using Conversational.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>The catalog store on a temp SQLite file with the demo catalog seeded as of 10:00 on 2026-11-23 in China.</summary>
public sealed class DemoCatalogDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset DemoMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("price-dialog.");
    private Database _database = null!;

    public CatalogStore Catalog { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.FullName, "pricing.db"));
        await new SchemaMigrator(_database, [CatalogStore.Schema], TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(default);
        Catalog = new CatalogStore(_database);
        await new DemoCatalogSeed(Catalog, new FakeTimeProvider(DemoMorning)).SeedAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

/// <summary>Talks to a <see cref="PriceDialog"/> as the dispatcher does, at 10:00 on the demo day in China.</summary>
internal sealed class PriceDialogDriver(PriceDialog dialog, string locale = "zh-CN")
{
    private readonly DialogDriver _driver = new(dialog, new FakeTimeProvider(DemoCatalogDatabase.DemoMorning), locale: locale);

    public PriceDialog Dialog { get; } = dialog;

    /// <summary>Where the dialog waits or rests; null before it starts and after it ends.</summary>
    public DialogSnapshot? Snapshot => _driver.Snapshot;

    public IReadOnlyList<SkillFact> Facts => _driver.Facts;

    public string? Step => _driver.Step;

    public Task<DialogOutcome> SayAsync(string text) => _driver.SayAsync(text);

    /// <summary>The replies of one message as one text, as the conversation test files check them.</summary>
    public Task<string> ReplyAsync(string text) => _driver.ReplyAsync(text);

    public static string Text(DialogOutcome outcome) => DialogDriver.Text(outcome);
}
