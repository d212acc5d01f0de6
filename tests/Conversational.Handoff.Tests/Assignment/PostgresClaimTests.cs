using System.Globalization;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Handoff.Tests.Assignment;

/// <summary>
/// Several hosts on one PostgreSQL: rounds claiming at the same time never offer a customer twice nor an agent beyond
/// capacity, a host that dies mid-claim loses nobody, and a change on one host wakes the others.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly List<HandoffStores> _hosts = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.PostgresAsync(postgres.Server, "handoff");

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task TwoHostsClaimingConcurrently_NeverOfferOrAssignACustomerTwice_NorAnAgentBeyondCapacity()
    {
        var (a, b) = (await HostAsync(), await HostAsync());
        const int Agents = 8, Customers = 240, MaxChats = 3;
        for (var i = 0; i < Agents; i++)
        {
            await a.AgentAsync($"a{i}", MaxChats, ("general", 1 + i % 5));
        }

        for (var i = 0; i < Customers; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await (i % 2 == 0 ? a : b).Queue.EnqueueAsync(
                new QueueRequest($"c{i:D3}", $"u{i % 60}", "general", i % 7 == 0 ? 80 : 10, 0, null, "customer_asked"), default);
        }

        var accepted = new List<string>();
        for (var wave = 0; accepted.Count < Customers; wave++)
        {
            Assert.True(wave < 200, $"only {accepted.Count} of {Customers} served");
            // Three rounds at once, on two hosts, racing for the same waiting customers and the same agents.
            await Task.WhenAll(a.Round.RunAsync(default), b.Round.RunAsync(default), a.Round.RunAsync(default));
            Assert.All(await HeldAsync(a), held => Assert.InRange(held.Count, 0, MaxChats));

            // Every agent accepts their offers from both desks at once, then closes the chats.
            for (var i = 0; i < Agents; i++)
            {
                var agent = $"a{i}";
                foreach (var offer in await a.Offers.ForAgentAsync(agent, default))
                {
                    var results = await Task.WhenAll(a.Offers.AcceptAsync(agent, offer.ConversationId, default),
                        b.Offers.AcceptAsync(agent, offer.ConversationId, default));
                    Assert.All(results, r => Assert.Equal(AcceptResult.Accepted, r));
                    accepted.Add(offer.ConversationId);
                    await (wave % 2 == 0 ? a : b).Queue.ReleaseAsync(offer.ConversationId, agent, default);
                }
            }
        }

        Assert.Equal(Customers, accepted.Distinct().Count());
        Assert.Equal(Customers, await CountAsync(a, "SELECT COUNT(*) FROM handoff_assignments"));
        Assert.Equal(Customers, await CountAsync(a, "SELECT COUNT(DISTINCT conversation_id) FROM handoff_assignments"));
    }

    [Fact]
    public async Task AHostThatDiesMidClaim_RollsBack_AndTheOtherHostOffersTheCustomer()
    {
        var (a, b) = (await HostAsync(), await HostAsync());
        await a.AgentAsync("a1", 3, ("general", 5));
        await a.Queue.EnqueueAsync(new QueueRequest("c1", "u1", "general", 10, 0, null, "customer_asked"), default);
        await a.Queue.EnqueueAsync(new QueueRequest("c2", "u2", "general", 10, 0, null, "customer_asked"), default);

        // Host A is in the middle of claiming c1 (its row is locked) when it dies.
        var dying = await a.Database.BeginWriteAsync(default);
        await using (var claim = dying.CreateCommand("SELECT conversation_id FROM handoff_queue WHERE conversation_id = 'c1' FOR UPDATE"))
        {
            await claim.ExecuteScalarAsync(default);
        }

        var whileLocked = await b.Round.RunAsync(default);
        await dying.DisposeAsync();
        var afterDeath = await b.Round.RunAsync(default);

        Assert.Equal((1, 1), (whileLocked.Offered, afterDeath.Offered));
        Assert.Equal((QueueEntryState.Offered, "a1"), await b.HolderAsync("c1"));
    }

    [Fact]
    public async Task AnOfferMadeByAHostThatDied_LapsesAndIsOfferedAgainByAnother()
    {
        var a = await HostAsync();
        await a.AgentAsync("a1", 3, ("general", 5));
        await a.AgentAsync("a2", 3, ("general", 3));
        await a.Queue.EnqueueAsync(new QueueRequest("c1", "u1", "general", 10, 0, null, "customer_asked"), default);
        await a.Round.RunAsync(default);
        await a.DisposeAsync();
        _hosts.Remove(a);

        var b = await HostAsync();
        _time.Advance(new HandoffOptions().OfferTimeout);
        var round = await b.Round.RunAsync(default);

        Assert.Equal((1, 1), (round.Expired, round.Offered));
        Assert.Equal((QueueEntryState.Offered, "a2"), await b.HolderAsync("c1"));
    }

    [Fact]
    public async Task AnEnqueueOnOneHost_WakesTheOtherHostsFeed_AndItsAssignerOffersTheCustomer()
    {
        await using var first = await StoreHost.StartAsync(StoreKind.PostgreSql, postgres.Server, builder =>
        {
            builder.AddStorage();
            builder.Services.AddHandoffQueues();
        });
        await using var second = await first.StartPeerAsync();
        await second.Services.GetRequiredService<DatabaseNotificationListener>().Listening;
        var roster = second.Services.GetRequiredService<AgentRoster>();
        await roster.SaveProfileAsync(new AgentProfile("a1", "坐席", [new SkillProficiency("general", 3)], 2), default);
        await roster.SetStatusAsync("a1", AgentStatus.Available, default);
        var woken = second.Services.GetRequiredService<HandoffChangeFeed>().NextChange();

        await first.Services.GetRequiredService<HandoffQueue>().EnqueueAsync(
            new QueueRequest("c1", "u1", "general", 10, 0, null, "customer_asked"), default);

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        var offers = second.Services.GetRequiredService<AgentOffers>();
        while ((await offers.ForAgentAsync("a1", default)).Count == 0)
        {
            await second.Services.GetRequiredService<HandoffChangeFeed>().NextChange().WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal("c1", (await offers.ForAgentAsync("a1", default)).Single().ConversationId);
    }

    private async Task<HandoffStores> HostAsync()
    {
        var host = await HandoffStores.OpenAsync(_database.Open(), _time, new HandoffOptions());
        _hosts.Add(host);
        return host;
    }

    private static async Task<List<(string Agent, int Count)>> HeldAsync(HandoffStores host)
    {
        await using var command = host.Database.DataSource.CreateCommand(
            "SELECT agent_id, COUNT(*) FROM handoff_queue WHERE state IN ('offered', 'assigned') GROUP BY agent_id");
        await using var reader = await command.ExecuteReaderAsync();
        var held = new List<(string, int)>();
        while (await reader.ReadAsync())
        {
            held.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return held;
    }

    private static async Task<int> CountAsync(HandoffStores host, string sql)
    {
        await using var command = host.Database.DataSource.CreateCommand(sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
