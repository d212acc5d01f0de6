using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Conversational.Skills.Outbox;
using Conversational.Skills.Returns;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Returns;

/// <summary>The returns stores on a temp SQLite file with the demo seeded as of 2026-11-23, and turns to drive the dialogs with.</summary>
public sealed class DemoReturnsDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("returns-dialog.");
    private readonly DemoUnderstanding _understanding = new();
    private readonly EntityExtractor _entities = new();
    private Database _database = null!;
    private int _turns;

    public IOptions<ReturnPolicy> Policy { get; } = Options.Create(new ReturnPolicy());

    public OrderStore Orders { get; private set; } = null!;

    public RmaStore Rmas { get; private set; } = null!;

    public StockStore Stock { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.FullName, "returns.db"));
        await new SchemaMigrator(_database, [DomainEventOutbox.Schema, ReturnsSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(default);
        Orders = new OrderStore(_database);
        Stock = new StockStore(_database);
        Rmas = new RmaStore(_database, new DomainEventOutbox(_database), Policy);
        await new DemoReturnsSeed(_database, Orders, Rmas, new FakeTimeProvider(Now), Policy).SeedAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    public ReturnDialog ReturnDialog() => new(Orders, Rmas, Stock, new ReturnPolicyCheck(Policy.Value), Policy);

    public ReturnStatusDialog StatusDialog() => new(Orders, Rmas, Policy);

    /// <summary>A customer message as the dispatcher would hand it over, with its own turn id unless one is given.</summary>
    public async Task<SkillTurn> TurnAsync(string text, string customerId = "c1003", string language = "zh-CN", string? turnId = null) => new()
    {
        TurnId = turnId ?? $"turn-{Interlocked.Increment(ref _turns)}",
        ConversationId = "conversation-1",
        CustomerId = customerId,
        CustomerVerified = true,
        Language = language,
        Text = text,
        NormalizedText = TextNormalizer.Normalize(text),
        Understanding = (await _understanding.UnderstandAsync(text, default)).InDialog(),
        Entities = _entities.Extract(text, DateOnly.FromDateTime(Now.DateTime)),
        Now = Now,
    };
}
