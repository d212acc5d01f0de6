using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Testing;

namespace Conversational.Handoff.Tests.Assignment;

/// <summary>
/// Assignment on a real database, through the same rounds the background assigner runs: dedicated, returning,
/// badly rated, capacity, presence, re-offer on timeout and on decline, overflow, transfer to an agent, and accepts
/// racing for one customer.
/// </summary>
public abstract class AssignmentContract : HandoffContract
{
    private static readonly TimeSpan OverflowAfter = TimeSpan.FromMinutes(3);

    protected override HandoffOptions Options => new()
    {
        Groups = { ["card"] = new QueueGroupOptions { OverflowTo = "general", OverflowAfter = OverflowAfter } },
    };

    private TimeSpan OfferTimeout => Options.OfferTimeout;

    [Fact]
    public async Task TheLeastLoadedAgentWithTheSkill_GetsTheOffer()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await Stores.AgentAsync("a3", 3, ("card", 5));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();

        await EnqueueAsync("c2", "u2");
        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("c1"));
        Assert.Equal((QueueEntryState.Offered, "a2"), await Stores.HolderAsync("c2"));
        Assert.Equal(AssignmentPolicy.LeastLoaded, (await Stores.Offers.ForAgentAsync("a2", default)).Single().Why);
    }

    [Fact]
    public async Task AVipsDedicatedAgent_GetsTheOffer_WhenOnlineWithCapacity_EvenOutsideTheirGroups()
    {
        await Stores.AgentAsync("a1", 3, ("vip", 5));
        await Stores.AgentAsync("d1", 3, ("card", 2));
        await EnqueueAsync("v1", "vip1", group: "vip", priority: 80, dedicatedAgentId: "d1");

        await RoundAsync();

        var offer = (await Stores.Offers.ForAgentAsync("d1", default)).Single();
        Assert.Equal(("v1", AssignmentPolicy.Dedicated), (offer.ConversationId, offer.Why));
    }

    [Fact]
    public async Task AnAwayDedicatedAgent_IsNotWaitedFor()
    {
        await Stores.AgentAsync("a1", 3, ("vip", 5));
        await Stores.AgentAsync("d1", 3, ("vip", 2));
        await Stores.Roster.SetStatusAsync("d1", AgentStatus.Away, default);
        await EnqueueAsync("v1", "vip1", group: "vip", priority: 80, dedicatedAgentId: "d1");

        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("v1"));
    }

    [Fact]
    public async Task AReturningCustomer_GoesToTheirLastAgent_WhenOnlineWithCapacity()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await ServeAsync("old", "u1", "a2");
        await ServeAsync("busy", "u8", "a2", close: false); // a1 is now the less loaded, and the more proficient

        await EnqueueAsync("new", "u1");
        await RoundAsync();

        var offer = (await Stores.Offers.ForAgentAsync("a2", default)).Single();
        Assert.Equal(("new", AssignmentPolicy.Returning), (offer.ConversationId, offer.Why));
    }

    [Fact]
    public async Task AReturningCustomersLastAgent_WhoIsOffline_IsNotWaitedFor()
    {
        await Stores.AgentAsync("a1", 3, ("general", 3));
        await Stores.AgentAsync("a2", 3, ("general", 5));
        await ServeAsync("old", "u1", "a2");
        await Stores.Roster.SetStatusAsync("a2", AgentStatus.Offline, default);

        await EnqueueAsync("new", "u1");
        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("new"));
    }

    [Fact]
    public async Task AnAgentTheCustomerRatedBadly_IsNeverOffered_EvenAsTheirLastAgentOrTheOnlyOneOnline()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await ServeAsync("old", "u1", "a1");
        await Stores.Ratings.RecordAsync("u1", "a1", 2, default);

        await EnqueueAsync("new", "u1");
        await RoundAsync();
        var alone = await Stores.HolderAsync("new");
        await Stores.AgentAsync("a2", 3, ("general", 2));
        await RoundAsync();

        Assert.Equal((QueueEntryState.Waiting, null), alone);
        Assert.Equal((QueueEntryState.Offered, "a2"), await Stores.HolderAsync("new"));
    }

    [Fact]
    public async Task AGoodRating_DoesNotKeepTheAgentAway()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.Ratings.RecordAsync("u1", "a1", 2, default);
        await Stores.Ratings.RecordAsync("u1", "a1", 4, default);

        await EnqueueAsync("new", "u1");
        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("new"));
    }

    [Fact]
    public async Task AnAgentAtCapacity_GetsNoMore_UntilAChatIsReleased()
    {
        await Stores.AgentAsync("a1", 1, ("general", 5));
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("c2", "u2");
        await RoundAsync();
        await Stores.Offers.AcceptAsync("a1", "c1", default);
        await RoundAsync();
        var whileFull = await Stores.HolderAsync("c2");

        await Stores.Queue.ReleaseAsync("c1", "a1", default);
        await RoundAsync();

        Assert.Equal((QueueEntryState.Waiting, null), whileFull);
        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("c2"));
    }

    [Fact]
    public async Task AnAgentWhoseDeskWentSilent_CountsAsOffline_AndGetsNothing()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        Time.Advance(Options.HeartbeatTimeout + TimeSpan.FromSeconds(1));
        var silent = (await Stores.Roster.FindAsync("a1", default))!.Status;
        await EnqueueAsync("c1", "u1");
        await RoundAsync();
        var whileSilent = await Stores.HolderAsync("c1");

        await Stores.Roster.HeartbeatAsync("a1", default);
        await RoundAsync();

        Assert.Equal((AgentStatus.Offline, QueueEntryState.Waiting), (silent, whileSilent.State));
        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("c1"));
    }

    [Fact]
    public async Task AnOfferNotAcceptedInTime_GoesToTheNextAgent_AndTheLateAcceptIsExpired()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();

        Time.Advance(OfferTimeout);
        var round = await RoundAsync();
        var late = await Stores.Offers.AcceptAsync("a1", "c1", default);

        Assert.Equal((1, 1), (round.Expired, round.Offered));
        Assert.Equal((QueueEntryState.Offered, "a2"), await Stores.HolderAsync("c1"));
        Assert.Equal(AcceptResult.Expired, late);
        Assert.Empty(await Stores.Offers.ForAgentAsync("a1", default));
    }

    [Fact]
    public async Task AnOfferThatLapsed_ComesBackToTheSameAgent_WhenNoOneElseCanTakeIt()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();
        var first = (await Stores.Offers.ForAgentAsync("a1", default)).Single();

        Time.Advance(OfferTimeout);
        await RoundAsync();
        var second = (await Stores.Offers.ForAgentAsync("a1", default)).Single();

        Assert.True(second.OfferedAt > first.OfferedAt);
        Assert.Equal(AcceptResult.Accepted, await Stores.Offers.AcceptAsync("a1", "c1", default));
    }

    [Fact]
    public async Task APendingOffer_SurvivesARestart_AndStillLapsesOnTime()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();

        await RestartAsync();
        var kept = await Stores.HolderAsync("c1");
        Time.Advance(OfferTimeout);
        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a1"), kept);
        Assert.Equal((QueueEntryState.Offered, "a2"), await Stores.HolderAsync("c1"));
    }

    [Fact]
    public async Task ADecline_GoesToTheNextAgent_AndBackOnlyWhenEveryoneDeclined()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();

        await Stores.Offers.DeclineAsync("a1", "c1", default);
        await RoundAsync();
        var afterFirst = await Stores.HolderAsync("c1");
        await Stores.Offers.DeclineAsync("a2", "c1", default);
        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a2"), afterFirst);
        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("c1"));
    }

    [Fact]
    public async Task ADeclineOfSomeoneElsesOffer_ChangesNothing()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();

        await Stores.Offers.DeclineAsync("a2", "c1", default);

        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("c1"));
    }

    [Fact]
    public async Task ACustomerWaitingPastTheGroupsSla_OverflowsToTheBackupGroup_KeepingTheirPlace()
    {
        await Stores.AgentAsync("g1", 3, ("general", 3));
        await Stores.Roster.SetStatusAsync("g1", AgentStatus.Away, default);
        var queued = await EnqueueAsync("k1", "u1", group: "card", priority: 30);
        Time.Advance(OverflowAfter - TimeSpan.FromSeconds(1));
        var early = await RoundAsync();

        Time.Advance(TimeSpan.FromSeconds(1));
        var due = await RoundAsync();
        await Stores.Roster.SetStatusAsync("g1", AgentStatus.Available, default);
        await RoundAsync();

        var moved = (await Stores.Queue.PositionAsync("k1", default))!;
        Assert.Equal((0, 1), (early.Overflowed, due.Overflowed));
        Assert.Equal(("general", 30, queued.EnqueuedAt, "g1"), (moved.SkillGroup, moved.Priority, moved.EnqueuedAt, moved.AgentId));
    }

    [Fact]
    public async Task ATransferToAnAgent_IsADirectOffer_ThatGoesBackToTheGroupIfDeclined()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await Stores.AgentAsync("a3", 3, ("general", 1));
        await ServeAsync("c1", "u1", "a1", close: false);

        await Stores.Queue.TransferAsync("c1", "a1", "a3", null, default);
        var direct = (await Stores.Offers.ForAgentAsync("a3", default)).Single();
        await Stores.Offers.DeclineAsync("a3", "c1", default);
        await RoundAsync();

        Assert.Equal(AssignmentPolicy.Transfer, direct.Why);
        Assert.Equal((QueueEntryState.Offered, "a2"), await Stores.HolderAsync("c1"));
    }

    [Fact]
    public async Task ConcurrentAccepts_HaveExactlyOneWinner()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await Stores.AgentAsync("a2", 3, ("general", 3));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();
        Time.Advance(OfferTimeout);
        await RoundAsync(); // now offered to a2; a1 still has the stale offer on their screen

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Stores.Offers.AcceptAsync(i % 2 == 0 ? "a1" : "a2", "c1", default)));

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(AcceptResult.Expired, r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal(AcceptResult.Accepted, r));
        Assert.Equal(["c1"], await Stores.Queue.ActiveConversationsAsync("a2", default));
        Assert.Empty(await Stores.Queue.ActiveConversationsAsync("a1", default));
    }

    [Fact]
    public async Task AnAcceptByAnAgentNeverOffered_OrForACancelledCustomer_IsNotOffered()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        await EnqueueAsync("c1", "u1");
        await RoundAsync();
        var stranger = await Stores.Offers.AcceptAsync("a2", "c1", default);

        await Stores.Queue.CancelAsync("c1", default);

        Assert.Equal(AcceptResult.NotOffered, stranger);
        Assert.Equal(AcceptResult.NotOffered, await Stores.Offers.AcceptAsync("a1", "c1", default));
        Assert.Equal(AcceptResult.NotOffered, await Stores.Offers.AcceptAsync("a1", "unknown", default));
    }

    [Fact]
    public async Task HigherLevels_AreOfferedFirst_WhenAgentsAreScarce()
    {
        await Stores.AgentAsync("a1", 1, ("general", 5));
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("v1", "vip1", priority: 80);

        await RoundAsync();

        Assert.Equal((QueueEntryState.Offered, "a1"), await Stores.HolderAsync("v1"));
        Assert.Equal((QueueEntryState.Waiting, null), await Stores.HolderAsync("c1"));
    }

    private Task<RoundResult> RoundAsync() => Stores.Round.RunAsync(default);

    /// <summary>The customer's conversation assigned to the agent (declined by the others first), and closed unless asked not to.</summary>
    private async Task ServeAsync(string conversationId, string customerId, string agentId, bool close = true)
    {
        await EnqueueAsync(conversationId, customerId);
        for (var attempt = 0; (await Stores.HolderAsync(conversationId)).AgentId != agentId; attempt++)
        {
            Assert.True(attempt < 10, $"{conversationId} never reached {agentId}");
            if ((await Stores.HolderAsync(conversationId)).AgentId is { } other)
            {
                await Stores.Offers.DeclineAsync(other, conversationId, default);
            }

            await RoundAsync();
        }

        Assert.Equal(AcceptResult.Accepted, await Stores.Offers.AcceptAsync(agentId, conversationId, default));
        if (close)
        {
            await Stores.Queue.ReleaseAsync(conversationId, agentId, default);
        }
    }
}

public sealed class SqliteAssignmentTests : AssignmentContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("handoff"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAssignmentTests(PostgresFixture postgres) : AssignmentContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "handoff");
}
