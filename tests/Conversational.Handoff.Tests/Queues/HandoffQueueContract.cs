using Conversational.Handoff.Queues;
using Conversational.Testing;

namespace Conversational.Handoff.Tests.Queues;

/// <summary>
/// The queue on a real database: priority level then arrival, what each customer is told (only their own level ahead),
/// the wait estimate, idempotent enqueue, cancel, transfer, release, overview, and a restart keeping the order.
/// </summary>
public abstract class HandoffQueueContract : HandoffContract
{
    private static readonly TimeSpan Handle = new HandoffOptions().AverageHandleTime;

    [Fact]
    public async Task Waiting_IsOrderedByPriorityLevelThenArrival()
    {
        await QueueMixedLevelsAsync();

        var waiting = await Stores.Queue.WaitingAsync("general", default);

        Assert.Equal(["v1", "v2", "m1", "c1", "c2", "c3"], waiting.Select(p => p.ConversationId));
    }

    [Fact]
    public async Task EachCustomer_IsToldOnlyHowManyOfTheirOwnLevelAreAhead()
    {
        await QueueMixedLevelsAsync();

        var told = new Dictionary<string, int>();
        foreach (var conversation in new[] { "v1", "v2", "m1", "c1", "c2", "c3" })
        {
            told[conversation] = (await Stores.Queue.PositionAsync(conversation, default))!.AheadOfSameLevel;
        }

        Assert.Equal(new Dictionary<string, int> { ["v1"] = 0, ["v2"] = 1, ["m1"] = 0, ["c1"] = 0, ["c2"] = 1, ["c3"] = 2 }, told);
        Assert.Equal(told, (await Stores.Queue.WaitingAsync("general", default)).ToDictionary(p => p.ConversationId, p => p.AheadOfSameLevel));
    }

    [Fact]
    public async Task AHigherLevelArrivingLater_JumpsAhead_WithoutChangingTheCountALowerLevelCustomerSees()
    {
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("c2", "u2");
        var before = (await Stores.Queue.PositionAsync("c2", default))!;

        await EnqueueAsync("v1", "vip1", priority: 80);
        var after = (await Stores.Queue.PositionAsync("c2", default))!;
        var order = (await Stores.Queue.WaitingAsync("general", default)).Select(p => p.ConversationId);

        Assert.Equal(["v1", "c1", "c2"], order);
        Assert.Equal((1, 1), (before.AheadOfSameLevel, after.AheadOfSameLevel));
        Assert.True(after.EstimatedWait > before.EstimatedWait, "the estimate still counts the customer served first");
    }

    [Fact]
    public async Task TheEstimate_CountsEveryoneServedFirst_OverTheGroupsOnlineSlots()
    {
        await Stores.AgentAsync("a1", 2, ("general", 3));
        await Stores.AgentAsync("a2", 2, ("general", 3));
        foreach (var i in Enumerable.Range(1, 4))
        {
            await EnqueueAsync($"busy{i}", $"b{i}");
        }

        await Stores.Round.RunAsync(default); // the four slots are taken by offers
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("v1", "vip1", priority: 80);

        var c1 = (await Stores.Queue.PositionAsync("c1", default))!;
        var v1 = (await Stores.Queue.PositionAsync("v1", default))!;

        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling(2 * Handle.TotalSeconds / 4)), c1.EstimatedWait);
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling(Handle.TotalSeconds / 4)), v1.EstimatedWait);
    }

    [Fact]
    public async Task Enqueue_IsIdempotentWhileTheConversationIsOpen()
    {
        var first = await EnqueueAsync("c1", "u1");
        await EnqueueAsync("c2", "u2");

        var again = await EnqueueAsync("c1", "u1", priority: 50);

        Assert.Equal((first.EnqueuedAt, 10), (again.EnqueuedAt, again.Priority));
        Assert.Equal(["c1", "c2"], (await Stores.Queue.WaitingAsync("general", default)).Select(p => p.ConversationId));
    }

    [Fact]
    public async Task Cancel_TakesTheCustomerOut_OnlyOnce_AndANewHandoffQueuesAtTheBack()
    {
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("c2", "u2");

        var cancelled = await Stores.Queue.CancelAsync("c1", default);
        var again = await Stores.Queue.CancelAsync("c1", default);
        var state = (await Stores.Queue.PositionAsync("c1", default))!.State;
        var requeued = await EnqueueAsync("c1", "u1");

        Assert.Equal((true, false, QueueEntryState.Cancelled), (cancelled, again, state));
        Assert.Equal((QueueEntryState.Waiting, 1), (requeued.State, requeued.AheadOfSameLevel));
        Assert.Null(await Stores.Queue.PositionAsync("never", default));
    }

    [Fact]
    public async Task ARestart_KeepsEveryPlaceInOrder()
    {
        await QueueMixedLevelsAsync();
        var before = await Stores.Queue.WaitingAsync("general", default);

        await RestartAsync();
        var after = await Stores.Queue.WaitingAsync("general", default);

        Assert.Equal(before, after);
        Assert.Equal(6, after.Count);
    }

    [Fact]
    public async Task TransferToAGroup_KeepsPriorityAndArrival_SoTheCustomerIsNotSentToTheBack()
    {
        await Stores.AgentAsync("a1", 3, ("general", 3));
        await EnqueueAsync("c1", "u1");
        await Stores.Round.RunAsync(default);
        await Stores.Offers.AcceptAsync("a1", "c1", default);
        await EnqueueAsync("k1", "u2", group: "card");

        var moved = await Stores.Queue.TransferAsync("c1", "a1", null, "card", default);

        Assert.Equal(("card", QueueEntryState.Waiting, 0, null), (moved.SkillGroup, moved.State, moved.AheadOfSameLevel, moved.AgentId));
        Assert.Equal(["c1", "k1"], (await Stores.Queue.WaitingAsync("card", default)).Select(p => p.ConversationId));
        Assert.Empty(await Stores.Queue.ActiveConversationsAsync("a1", default));
    }

    [Fact]
    public async Task Transfer_FromAnAgentWhoDoesNotHoldTheConversation_IsRefused()
    {
        await EnqueueAsync("c1", "u1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Stores.Queue.TransferAsync("c1", "a1", null, "card", default));
    }

    [Fact]
    public async Task Release_ClosesTheChat_AndFreesTheAgent()
    {
        await Stores.AgentAsync("a1", 3, ("general", 3));
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("c2", "u2");
        await Stores.Round.RunAsync(default);
        await Stores.Offers.AcceptAsync("a1", "c1", default);
        await Stores.Offers.AcceptAsync("a1", "c2", default);

        var released = await Stores.Queue.ReleaseAsync("c1", "a1", default);
        var notHeld = await Stores.Queue.ReleaseAsync("c1", "a1", default);

        Assert.Equal((true, false), (released, notHeld));
        Assert.Equal(["c2"], await Stores.Queue.ActiveConversationsAsync("a1", default));
        Assert.Equal(1, (await Stores.Roster.FindAsync("a1", default))!.ActiveChats);
        Assert.Equal(QueueEntryState.Closed, (await Stores.Queue.PositionAsync("c1", default))!.State);
    }

    [Fact]
    public async Task Overview_CountsWaitingByLevel_OffersAndTheLongestWait_PerGroup()
    {
        await Stores.AgentAsync("a1", 1, ("card", 3));
        await QueueMixedLevelsAsync();
        await EnqueueAsync("k1", "u9", group: "card");
        await Stores.Round.RunAsync(default);
        Time.Advance(TimeSpan.FromMinutes(1));

        var overview = (await Stores.Queue.OverviewAsync(default)).ToDictionary(o => o.SkillGroup);

        Assert.Equal(["card", "general"], overview.Keys.Order());
        Assert.Equal((0, 1), (overview["card"].Waiting, overview["card"].Offered));
        Assert.Equal((6, 0), (overview["general"].Waiting, overview["general"].Offered));
        Assert.Equal(new Dictionary<int, int> { [80] = 2, [50] = 1, [10] = 3 }, overview["general"].WaitingByPriority);
        Assert.Equal(TimeSpan.FromSeconds(60 + 6), overview["general"].LongestWait);
    }

    // Arrival order c1, v1, c2, m1, v2, c3 across three levels: 10 (standard), 50 (mid), 80 (VIP).
    private async Task QueueMixedLevelsAsync()
    {
        await EnqueueAsync("c1", "u1");
        await EnqueueAsync("v1", "vip1", priority: 80);
        await EnqueueAsync("c2", "u2");
        await EnqueueAsync("m1", "mid1", priority: 50);
        await EnqueueAsync("v2", "vip2", priority: 80);
        await EnqueueAsync("c3", "u3");
    }
}

public sealed class SqliteHandoffQueueTests : HandoffQueueContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("handoff"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresHandoffQueueTests(PostgresFixture postgres) : HandoffQueueContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "handoff");
}
