using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Conversational.Skills.Pricing;
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

/// <summary>
/// Talks to a <see cref="PriceDialog"/> the way the bot's dispatcher does: begin, then continue from the last snapshot;
/// each message's language is its script's, as the bot detects it, else the conversation's.
/// </summary>
internal sealed class PriceDialogDriver(PriceDialog dialog, string locale = "zh-CN")
{
    private static readonly KeywordUnderstanding Understanding = new();
    private static readonly EntityExtractor Entities = new();

    private readonly List<SkillFact> _facts = [];
    private int _turns;

    public PriceDialog Dialog { get; } = dialog;

    /// <summary>Where the dialog waits or rests; null before it starts and after it ends.</summary>
    public DialogSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<SkillFact> Facts => _facts;

    public string? Step => Snapshot?.Step;

    public async Task<DialogOutcome> SayAsync(string text)
    {
        var turn = await TurnAsync(text);
        var outcome = Snapshot is { } snapshot
            ? await Dialog.ContinueAsync(snapshot, turn, CancellationToken.None)
            : await Dialog.BeginAsync(turn, CancellationToken.None);
        if (outcome.Understood)
        {
            Snapshot = outcome.Next;
            _facts.AddRange(outcome.Facts);
        }

        return outcome;
    }

    /// <summary>The replies of one message as one text, as the conversation test files check them.</summary>
    public async Task<string> ReplyAsync(string text) => Text(await SayAsync(text));

    public static string Text(DialogOutcome outcome) => string.Join("\n", outcome.Replies.Select(r => r.Text));

    private async Task<SkillTurn> TurnAsync(string text)
    {
        var now = DemoCatalogDatabase.DemoMorning;
        return new SkillTurn
        {
            TurnId = $"m-{++_turns}",
            ConversationId = "conv-1",
            CustomerId = "c1003",
            CustomerVerified = true,
            Language = TextLanguage.Detect(text) ?? locale,
            Text = text,
            NormalizedText = TextNormalizer.Normalize(text),
            Understanding = await Understanding.UnderstandAsync(text, CancellationToken.None),
            Entities = Entities.Extract(text, DateOnly.FromDateTime(now.DateTime)),
            Now = now,
            Facts = [.. _facts],
        };
    }
}
