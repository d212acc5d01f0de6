using System.Text.Json;
using Conversational.Skills.Installments;
using Conversational.Skills.Outbox;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Installments;

/// <summary>What every <see cref="IInstallmentStore"/> must do; run once per engine by the subclasses below.</summary>
public abstract class InstallmentStoreContract(StoreKind kind, PostgresServer? postgres) : IAsyncLifetime
{
    // 10:00 on the demo day in China.
    private static readonly DateTimeOffset DemoMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private SkillsHost? _host;

    private SqlInstallmentStore Store => _host!.Get<SqlInstallmentStore>();

    private DomainEventOutbox Outbox => _host!.Get<DomainEventOutbox>();

    public async Task InitializeAsync() => _host = await StartAsync(DemoMorning);

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    private Task<SkillsHost> StartAsync(DateTimeOffset now) =>
        SkillsHost.StartAsync(kind, postgres, configureServices: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

    [Fact]
    public async Task Seed_OnTheDemoDay_StoresTheDemoStatementsAsTheyAre()
    {
        var statement = await Store.FindStatementAsync("c1003", "6688", default);

        Assert.Equal(DemoCards.Load().Cards.Single(c => c.CardId == "cc-1003-6688"), statement);
    }

    [Fact]
    public async Task Seed_FortyDaysLater_ShiftsStatementAndDueDates_SoEachCardKeepsItsOutcome()
    {
        await using var later = await StartAsync(DemoMorning.AddDays(40));
        var store = later.Get<SqlInstallmentStore>();

        var statement = (await store.FindStatementAsync("c1003", "6688", default))!;

        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 4)), (statement.StatementDate, statement.DueDate));
        var demo = DemoCards.Load();
        foreach (var card in demo.Cards)
        {
            var stored = (await store.FindStatementAsync(card.CustomerId, card.Last4, default))!;
            Assert.Equal(InstallmentEligibility.Check(card, demo.ProductTable, null, demo.Today).Refusals,
                InstallmentEligibility.Check(stored, demo.ProductTable, null, demo.Today.AddDays(40)).Refusals);
        }
    }

    [Fact]
    public async Task ListStatements_GivesTheLatestStatementOfEachOfTheCustomersCards()
    {
        var older = Statement("cc-1011-8173", "c1011", "8173", new DateOnly(2026, 10, 5), 1200m);
        Assert.True(await Store.AddStatementIfMissingAsync(older, default));

        var statements = await Store.ListStatementsAsync("c1011", default);

        Assert.Equal(["3450", "8173"], statements.Select(s => s.Last4));
        Assert.All(statements, s => Assert.Equal(new DateOnly(2026, 11, 5), s.StatementDate));
        Assert.Equal([-35.60m, 4999.99m], statements.Select(s => s.StatementBalance));
        Assert.Empty(await Store.ListStatementsAsync("c1012", default));
    }

    [Fact]
    public async Task FindStatement_OtherCustomersCardOrUnknownLast4_IsNull()
    {
        Assert.Null(await Store.FindStatementAsync("c1002", "6688", default));
        Assert.Null(await Store.FindStatementAsync("c1003", "0000", default));
    }

    [Fact]
    public async Task AddStatementIfMissing_SameCardAndDate_KeepsTheFirst()
    {
        var again = (await Store.FindStatementAsync("c1003", "6688", default))! with { StatementBalance = 1m };

        Assert.False(await Store.AddStatementIfMissingAsync(again, default));
        Assert.Equal(8650m, (await Store.FindStatementAsync("c1003", "6688", default))!.StatementBalance);
    }

    [Fact]
    public async Task Apply_InstallsTheStatement_KeepsTheApplication_AndAnnouncesItInTheOutbox()
    {
        var application = await ApplicationAsync("c1003", "6688", periods: 12, requestKey: "m-1");

        var result = await Store.ApplyAsync(application, default);

        Assert.Equal(new InstallmentApplicationResult(InstallmentApplicationStatus.Applied, application), result);
        Assert.True((await Store.FindStatementAsync("c1003", "6688", default))!.AlreadyInstalled);
        Assert.Equal(application, await Store.FindApplicationAsync("cc-1003-6688", new DateOnly(2026, 11, 5), default));
        var announced = Assert.Single(await Outbox.ReadAsync(0, 10, default));
        Assert.Equal((nameof(InstallmentApproved), "c1003"), (announced.Kind, announced.CustomerId));
        Assert.Equal(InstallmentApproved.For(application), announced.Payload.Deserialize<InstallmentApproved>(JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Apply_KeepsMoneyRateAndDatesExactly()
    {
        var application = await ApplicationAsync("c1009", "2264", periods: 24, requestKey: "m-1");

        await Store.ApplyAsync(application, default);

        var stored = (await Store.FindApplicationAsync("cc-1009-2264", new DateOnly(2026, 11, 5), default))!;
        Assert.Equal((15780.25m, 94.68m, 2272.32m, 0.1327m, new DateOnly(2026, 12, 25)),
            (stored.Amount, stored.FeePerPeriod, stored.TotalFee, stored.AnnualizedRate, stored.FirstDueDate));
        Assert.Equal(application.AppliedAt, stored.AppliedAt);
    }

    [Fact]
    public async Task Apply_RetriedOrRepeated_ReturnsTheFirstApplication_AndWritesNothingMore()
    {
        var first = await ApplicationAsync("c1003", "6688", periods: 12, requestKey: "m-1");
        await Store.ApplyAsync(first, default);

        var retried = await Store.ApplyAsync(first with { Id = "ia-retry" }, default);
        var repeated = await Store.ApplyAsync(await ApplicationAsync("c1003", "6688", periods: 6, requestKey: "m-2"), default);

        Assert.Equal(new InstallmentApplicationResult(InstallmentApplicationStatus.AlreadyApplied, first), retried);
        Assert.Equal(new InstallmentApplicationResult(InstallmentApplicationStatus.AlreadyApplied, first), repeated);
        Assert.Single(await Outbox.ReadAsync(0, 10, default));
    }

    [Fact]
    public async Task Apply_ManyAtOnceForOneStatement_InstallsItOnce()
    {
        var applications = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => ApplicationAsync("c1003", "6688", 12, $"m-{i}")));

        var results = await Task.WhenAll(applications.Select(a => Task.Run(() => Store.ApplyAsync(a, default))));

        var applied = Assert.Single(results, r => r.Status == InstallmentApplicationStatus.Applied);
        Assert.All(results, r => Assert.Equal(applied.Application, r.Application));
        Assert.Single(await Outbox.ReadAsync(0, 10, default));
    }

    [Fact]
    public async Task Apply_StatementInstalledElsewhere_IsUnavailable_AndWritesNothing()
    {
        var application = await ApplicationAsync("c1004", "6640", periods: 6, requestKey: "m-1");

        var result = await Store.ApplyAsync(application, default);

        Assert.Equal(new InstallmentApplicationResult(InstallmentApplicationStatus.StatementUnavailable, null), result);
        Assert.Null(await Store.FindApplicationAsync("cc-1004-6640", new DateOnly(2026, 11, 5), default));
        Assert.Empty(await Outbox.ReadAsync(0, 10, default));
    }

    [Fact]
    public async Task Apply_SomeoneElsesCard_IsUnavailable()
    {
        var application = await ApplicationAsync("c1003", "6688", periods: 12, requestKey: "m-1") with { CustomerId = "c1002" };

        var result = await Store.ApplyAsync(application, default);

        Assert.Equal(InstallmentApplicationStatus.StatementUnavailable, result.Status);
        Assert.False((await Store.FindStatementAsync("c1003", "6688", default))!.AlreadyInstalled);
    }

    private async Task<InstallmentApplication> ApplicationAsync(string customerId, string last4, int periods, string requestKey)
    {
        var statement = (await Store.FindStatementAsync(customerId, last4, default))!;
        var plan = InstallmentCalculator.Plan(statement.StatementBalance, InstallmentProductTable.Default.FindOffer(periods)!);
        return InstallmentApplication.For(statement, plan, requestKey, "conv-1", DemoMorning.AddMinutes(3));
    }

    private static CardStatement Statement(string cardId, string customerId, string last4, DateOnly statementDate, decimal balance) =>
        new(cardId, customerId, last4, statementDate, statementDate.AddDays(20), balance, balance / 10m, 20_000m, AlreadyInstalled: false);
}

public sealed class SqliteInstallmentStoreTests() : InstallmentStoreContract(StoreKind.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInstallmentStoreTests(PostgresFixture postgres) : InstallmentStoreContract(StoreKind.PostgreSql, postgres.Server);
