using Conversational.Handoff.Tickets;
using Conversational.Testing;

namespace Conversational.Handoff.Tests.Tickets;

/// <summary>Tickets on a real database: numbered per kind and China-time day, read back per conversation.</summary>
public abstract class HandoffTicketsContract : HandoffContract
{
    private static readonly Dictionary<string, string> Fields = new() { ["installment_terms"] = "12" };

    [Fact]
    public async Task Tickets_AreNumberedPerKindAndChinaDay()
    {
        var first = await CreateAsync("c1", HandoffTickets.LeftMessage);
        var second = await CreateAsync("c2", HandoffTickets.LeftMessage);
        var agent = await CreateAsync("c1", HandoffTickets.Agent);
        Time.Advance(TimeSpan.FromHours(22)); // 2026-11-23 02:00 UTC + 22 h = 11-24 08:00 in China
        var nextDay = await CreateAsync("c3", HandoffTickets.LeftMessage);

        Assert.Equal(["LM20261123-0001", "LM20261123-0002", "TK20261123-0001", "LM20261124-0001"],
            new[] { first, second, agent, nextDay }.Select(t => t.TicketId));
    }

    [Fact]
    public async Task ConcurrentTickets_NeverShareANumber()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => CreateAsync($"c{i}", HandoffTickets.LeftMessage)));

        Assert.Equal(20, tickets.Select(t => t.TicketId).Distinct().Count());
    }

    [Fact]
    public async Task AConversationsTickets_ReadBackWithTextAndFields()
    {
        var created = await CreateAsync("c1", HandoffTickets.Agent);
        await CreateAsync("c2", HandoffTickets.Agent);

        var read = (await Stores.Tickets.ForConversationAsync("c1", default)).Single();

        Assert.Equal((created.TicketId, "请回电", "12", "agent1", created.CreatedAt),
            (read.TicketId, read.Text, read.Fields["installment_terms"], read.CreatedBy, read.CreatedAt));
    }

    [Fact]
    public async Task AnUnknownKind_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync("c1", "complaint"));

    private Task<HandoffTicket> CreateAsync(string conversationId, string kind) =>
        Stores.Tickets.CreateAsync(conversationId, "u1", kind, "请回电", Fields, "agent1", default);
}

public sealed class SqliteHandoffTicketsTests : HandoffTicketsContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("handoff"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresHandoffTicketsTests(PostgresFixture postgres) : HandoffTicketsContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "handoff");
}
