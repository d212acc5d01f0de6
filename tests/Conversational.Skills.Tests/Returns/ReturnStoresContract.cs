using System.Text.Json;
using Conversational.Skills.Outbox;
using Conversational.Skills.Returns;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Returns;

/// <summary>
/// The returns stores on a real database: orders and stock as seeded, tickets created once per turn, moved once per
/// status however many deliveries race, and each change published with it. Each engine runs the same cases.
/// </summary>
public abstract class ReturnStoresContract : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset DemoNow = new(2026, 11, 23, 10, 0, 0, China);

    private TestDatabase _location = null!;
    private Database _database = null!;
    private DomainEventOutbox _outbox = null!;
    private OrderStore _orders = null!;
    private StockStore _stock = null!;
    private RmaStore _rmas = null!;

    /// <summary>A new, empty database of the engine under test.</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateDatabaseAsync();
        _database = _location.Open();
        await new SchemaMigrator(_database, [DomainEventOutbox.Schema, ReturnsSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(default);
        var policy = Options.Create(new ReturnPolicy());
        _outbox = new DomainEventOutbox(_database);
        _orders = new OrderStore(_database);
        _stock = new StockStore(_database);
        _rmas = new RmaStore(_database, _outbox, policy);
        await SeedAsync(DemoNow);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _location.Dispose();
    }

    [Fact]
    public async Task Orders_OfACustomer_AreNewestFirstAndLimited()
    {
        var orders = await _orders.ListByCustomerAsync("c1003", 3, default);

        Assert.Equal(["E20261122030", "E20261121015", "E20261119003"], orders.Select(order => order.OrderId));
    }

    [Fact]
    public async Task Order_FoundByNumber_IsTheWholeOrder()
    {
        var expected = DemoOrders.LoadEmbedded().Orders.Single(order => order.OrderId == "E20261119003");

        var order = await _orders.FindAsync("E20261119003", default);

        Assert.NotNull(order);
        Assert.Equal(expected with { Items = [] }, order with { Items = [] });
        Assert.Equal(expected.Items, order.Items);
        Assert.Null(await _orders.FindAsync("E00000000000", default));
    }

    [Fact]
    public async Task Stock_ListsSizesInTheCatalogsOrder()
    {
        var stock = await _stock.ForSkusAsync(["AP-2001", "SH-1001", "XX-0000"], default);

        Assert.Equal(["S", "M", "L", "XXL"], stock.SizesInStock("AP-2001"));
        Assert.Equal(["38", "39", "40", "42", "43", "45"], stock.SizesInStock("SH-1001"));
        Assert.Equal(0, stock.Available("XX-0000", "42"));
    }

    [Fact]
    public async Task Create_NumbersTicketsByTheShopsDateAndPublishesEachOnce()
    {
        var at = new DateTimeOffset(2026, 11, 23, 23, 30, 0, China);

        var first = await _rmas.CreateAsync(Refund("E20261119003", 1), "turn-1", at, default);
        var second = await _rmas.CreateAsync(Refund("E20261119003", 2), "turn-2", at, default);

        Assert.Equal("RMA20261123001", first?.RmaId);
        Assert.Equal("RMA20261123002", second?.RmaId);
        Assert.Equal(RmaStatus.Requested, first?.Status);
        Assert.Equal([new RmaTimelineEntry(RmaStatus.Requested, at, null)], first?.Timeline);
        var events = await EventsAsync(nameof(ReturnRequested));
        Assert.Equal(["RMA20261123001", "RMA20261123002"], events.Select(e => e.Payload.GetProperty("rmaId").GetString()));
    }

    [Fact]
    public async Task Create_WithATurnIdSeenBefore_ReturnsThatTicketAndCreatesNothing()
    {
        var first = await _rmas.CreateAsync(Refund("E20261119003", 1), "turn-1", DemoNow, default);

        var retried = await _rmas.CreateAsync(Refund("E20261119003", 1), "turn-1", DemoNow.AddSeconds(5), default);

        AssertSame(first, retried);
        Assert.Single(await EventsAsync(nameof(ReturnRequested)));
    }

    [Fact]
    public async Task Create_RacingRetriesOfOneTurn_CreateOneTicket()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => _rmas.CreateAsync(Refund("E20261119003", 1), "turn-1", DemoNow, default))));

        Assert.Single(created.Select(rma => rma?.RmaId).Distinct());
        Assert.Single(await EventsAsync(nameof(ReturnRequested)));
    }

    [Fact]
    public async Task Create_RacingTurns_GetDistinctIdsInSequence()
    {
        var created = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => _rmas.CreateAsync(Refund("E20261119003", 1), $"turn-{i}", DemoNow, default))));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"RMA20261123{i:D3}"), created.Select(rma => rma!.RmaId).Order());
    }

    [Fact]
    public async Task Create_AnExchange_ReservesTheNewSize()
    {
        var exchange = Exchange("E20261119003", 1, "SH-1001", "45");

        var rma = await _rmas.CreateAsync(exchange, "turn-1", DemoNow, default);
        var again = await _rmas.CreateAsync(exchange, "turn-2", DemoNow, default);
        var third = await _rmas.CreateAsync(exchange, "turn-3", DemoNow, default);

        Assert.NotNull(rma);
        Assert.NotNull(again);
        Assert.Null(third);
        Assert.Equal(0, (await _stock.ForSkusAsync(["SH-1001"], default)).Available("SH-1001", "45"));
        Assert.Equal(2, (await EventsAsync(nameof(ReturnRequested))).Count);
    }

    [Fact]
    public async Task Tickets_OfACustomer_AreNewestFirst()
    {
        var created = await _rmas.CreateAsync(Refund("E20261119003", 1), "turn-1", DemoNow, default);

        var tickets = await _rmas.ListByCustomerAsync("c1003", default);

        Assert.Equal([created!.RmaId, "RMA20261115001"], tickets.Select(rma => rma.RmaId));
        AssertSame(created, await _rmas.FindAsync(created.RmaId, default));
    }

    [Fact]
    public async Task Advance_MovesTheTicketAndPublishesTheChange()
    {
        var at = DemoNow.AddHours(1);

        var outcome = await _rmas.AdvanceAsync(new RmaStatusUpdate("RMA20261115001", RmaStatus.WarehouseReceived, at, "上海仓已签收"), default);

        var change = new RmaStatusChanged("RMA20261115001", "E20261110021", "c1003", RmaStatus.CustomerShipped, RmaStatus.WarehouseReceived, at,
            "上海仓已签收");
        Assert.Equal(new RmaUpdated(change, Repeated: false), outcome);
        var rma = await _rmas.FindAsync("RMA20261115001", default);
        Assert.Equal(RmaStatus.WarehouseReceived, rma?.Status);
        Assert.Equal(new RmaTimelineEntry(RmaStatus.WarehouseReceived, at, "上海仓已签收"), rma?.Timeline[^1]);
        var published = Assert.Single(await EventsAsync(nameof(RmaStatusChanged)));
        Assert.Equal("WarehouseReceived", published.Payload.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Advance_OutOfOrder_IsRefusedAndChangesNothing()
    {
        var before = await _rmas.FindAsync("RMA20261115001", default);

        var outcome = await _rmas.AdvanceAsync(new RmaStatusUpdate("RMA20261115001", RmaStatus.Refunded, DemoNow, null), default);

        Assert.Equal(new RmaMoveRefused("RMA20261115001", RmaStatus.CustomerShipped, RmaStatus.Refunded), outcome);
        AssertSame(before, await _rmas.FindAsync("RMA20261115001", default));
        Assert.Empty(await EventsAsync(nameof(RmaStatusChanged)));
    }

    [Fact]
    public async Task Advance_AnUnknownTicket_IsNotFound()
    {
        var outcome = await _rmas.AdvanceAsync(new RmaStatusUpdate("RMA20990101001", RmaStatus.Approved, DemoNow, null), default);

        Assert.Equal(new RmaNotFound("RMA20990101001"), outcome);
    }

    [Fact]
    public async Task Advance_RacingDeliveriesOfOneMove_MoveTheTicketOnce()
    {
        var update = new RmaStatusUpdate("RMA20261115001", RmaStatus.WarehouseReceived, DemoNow, null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => _rmas.ApplyDeliveryAsync(new WebhookDelivery($"d{i}", $"hash{i}", DemoNow), update, default))));

        Assert.Single(outcomes.OfType<RmaUpdated>());
        Assert.All(outcomes.Where(o => o is not RmaUpdated), o => Assert.Equal(
            new RmaMoveRefused("RMA20261115001", RmaStatus.WarehouseReceived, RmaStatus.WarehouseReceived), o));
        Assert.Equal(4, (await _rmas.FindAsync("RMA20261115001", default))?.Timeline.Count);
        Assert.Single(await EventsAsync(nameof(RmaStatusChanged)));
    }

    [Fact]
    public async Task Delivery_SeenBefore_GetsTheFirstOutcomeAndChangesNothing()
    {
        var update = new RmaStatusUpdate("RMA20261115001", RmaStatus.WarehouseReceived, DemoNow, "签收");
        var first = await _rmas.ApplyDeliveryAsync(new WebhookDelivery("d1", "hash", DemoNow), update, default);
        var after = await _rmas.FindAsync("RMA20261115001", default);

        var repeated = await _rmas.ApplyDeliveryAsync(new WebhookDelivery("d1", "hash", DemoNow.AddMinutes(1)), update, default);
        var reused = await _rmas.ApplyDeliveryAsync(new WebhookDelivery("d1", "other", DemoNow.AddMinutes(1)),
            update with { To = RmaStatus.ReplacementShipped }, default);

        var change = Assert.IsType<RmaUpdated>(first).Change;
        Assert.Equal(new RmaUpdated(change, Repeated: true), repeated);
        Assert.Equal(new RmaDeliveryReused("d1"), reused);
        AssertSame(after, await _rmas.FindAsync("RMA20261115001", default));
        Assert.Single(await EventsAsync(nameof(RmaStatusChanged)));
    }

    [Fact]
    public async Task Delivery_RepeatedConcurrently_MovesTheTicketOnceAndAnswersAllTheSame()
    {
        var update = new RmaStatusUpdate("RMA20261115001", RmaStatus.WarehouseReceived, DemoNow, null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => _rmas.ApplyDeliveryAsync(new WebhookDelivery("d1", "hash", DemoNow), update, default))));

        var updates = outcomes.Select(o => Assert.IsType<RmaUpdated>(o)).ToList();
        Assert.Single(updates, u => !u.Repeated);
        Assert.Single(updates.Select(u => u.Change).Distinct());
        Assert.Single(await EventsAsync(nameof(RmaStatusChanged)));
    }

    [Fact]
    public async Task Rejecting_AnExchange_PutsItsReservedSizeBack()
    {
        var rma = await _rmas.CreateAsync(Exchange("E20261119003", 1, "SH-1001", "45"), "turn-1", DemoNow, default);

        await _rmas.AdvanceAsync(new RmaStatusUpdate(rma!.RmaId, RmaStatus.Rejected, DemoNow, "鞋底已磨损"), default);

        Assert.Equal(2, (await _stock.ForSkusAsync(["SH-1001"], default)).Available("SH-1001", "45"));
    }

    [Fact]
    public async Task Seed_OnADatabaseWithOrders_AddsNothing()
    {
        await SeedAsync(DemoNow.AddDays(40));

        Assert.Equal(6, (await _orders.ListByCustomerAsync("c1003", 50, default)).Count);
        Assert.Equal(2, (await _stock.ForSkusAsync(["SH-1001"], default)).Available("SH-1001", "45"));
    }

    [Fact]
    public async Task Seed_OnAnotherDay_MovesEveryDateAndTheDatesInIds()
    {
        using var location = await CreateDatabaseAsync();
        await using var database = location.Open();
        await new SchemaMigrator(database, [DomainEventOutbox.Schema, ReturnsSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(default);
        var orders = new OrderStore(database);
        var rmas = new RmaStore(database, new DomainEventOutbox(database), Options.Create(new ReturnPolicy()));

        // 00:30 on 2027-01-06 in China is still 2027-01-05 in UTC: the shop's day counts.
        await SeedAsync(database, orders, rmas, new DateTimeOffset(2027, 1, 6, 0, 30, 0, China));

        var order = await orders.FindAsync("E20270102003", default);
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 14, 32, 0, China), order?.DeliveredAt);
        var rma = await rmas.FindAsync("RMA20261229001", default);
        Assert.Equal("E20261224021", rma?.OrderId);
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 9, 12, 0, China), rma?.Timeline[0].At);
    }

    /// <summary>Tickets hold lists, which records compare by reference; their JSON compares what they say.</summary>
    private static void AssertSame(Rma? expected, Rma? actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    private Task SeedAsync(DateTimeOffset now) => SeedAsync(_database, _orders, _rmas, now);

    private static Task SeedAsync(Database database, OrderStore orders, RmaStore rmas, DateTimeOffset now) =>
        new DemoReturnsSeed(database, orders, rmas, new FakeTimeProvider(now), Options.Create(new ReturnPolicy())).SeedAsync(default);

    private async Task<IReadOnlyList<DomainEventEnvelope>> EventsAsync(string kind) =>
        [.. (await _outbox.ReadAsync(0, 100, default)).Where(e => e.Kind == kind)];

    private static RmaDraft Refund(string orderId, int line) =>
        new(orderId, "c1003", [new RmaItem(line, line == 1 ? "SH-1001" : "AP-2001", 1, null)], ReturnReason.NoReason, ReturnKind.Refund, 399.00m);

    private static RmaDraft Exchange(string orderId, int line, string sku, string size) =>
        new(orderId, "c1003", [new RmaItem(line, sku, 1, size)], ReturnReason.WrongSize, ReturnKind.Exchange, 0m);
}

/// <summary>The contract on the embedded engine, each test on a fresh temp SQLite file.</summary>
public sealed class SqliteReturnStoresTests : ReturnStoresContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("returns"));
}

/// <summary>The contract on PostgreSQL, each test on a new database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReturnStoresTests(PostgresFixture postgres) : ReturnStoresContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "returns");
}
