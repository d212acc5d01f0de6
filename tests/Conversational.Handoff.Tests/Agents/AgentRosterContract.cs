using Conversational.Handoff.Agents;
using Conversational.Testing;

namespace Conversational.Handoff.Tests.Agents;

/// <summary>The roster on a real database: profiles, chosen presence, heartbeats and the demo agents.</summary>
public abstract class AgentRosterContract : HandoffContract
{
    [Fact]
    public async Task ANewAgent_StartsOffline_AndSettingAStatusCountsAsAHeartbeat()
    {
        await Stores.Roster.SaveProfileAsync(new AgentProfile("a1", "坐席 小王", [new SkillProficiency("general", 5)], 3), default);
        var created = (await Stores.Roster.FindAsync("a1", default))!;

        var available = await Stores.Roster.SetStatusAsync("a1", AgentStatus.Available, default);

        Assert.Equal((AgentStatus.Offline, null), (created.Status, created.LastHeartbeatAt));
        Assert.Equal((AgentStatus.Available, Time.GetUtcNow()), (available.Status, available.LastHeartbeatAt));
    }

    [Fact]
    public async Task AnAgentIsOffline_OnceTheirHeartbeatIsOlderThanTheTimeout_AndBackWithTheNextOne()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));
        Time.Advance(Options.HeartbeatTimeout - TimeSpan.FromSeconds(1));
        var justInTime = (await Stores.Roster.FindAsync("a1", default))!.Status;
        Time.Advance(TimeSpan.FromSeconds(2));
        var late = (await Stores.Roster.FindAsync("a1", default))!.Status;

        await Stores.Roster.HeartbeatAsync("a1", default);

        Assert.Equal((AgentStatus.Available, AgentStatus.Offline), (justInTime, late));
        Assert.Equal(AgentStatus.Available, (await Stores.Roster.FindAsync("a1", default))!.Status);
    }

    [Fact]
    public async Task SavingAProfileAgain_UpdatesSkillsAndCapacity_AndKeepsPresence()
    {
        await Stores.AgentAsync("a1", 3, ("general", 5));

        await Stores.Roster.SaveProfileAsync(new AgentProfile("a1", "a1", [new SkillProficiency("card", 2)], 5), default);
        var saved = (await Stores.Roster.FindAsync("a1", default))!;

        Assert.Equal((AgentStatus.Available, 5, "card"), (saved.Status, saved.Profile.MaxConcurrentChats, saved.Profile.Skills.Single().SkillGroup));
    }

    [Fact]
    public async Task AnUnknownAgent_CannotSetAStatusOrBeat()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Stores.Roster.SetStatusAsync("ghost", AgentStatus.Available, default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Stores.Roster.HeartbeatAsync("ghost", default));
    }

    [Fact]
    public async Task TheDemoSeed_AddsSixAgentsCoveringEveryGroup_AndRunsTwiceHarmlessly()
    {
        var seed = new DemoAgentsSeed(Stores.Roster);
        await seed.SeedAsync(default);
        await Stores.Roster.SetStatusAsync("agent1", AgentStatus.Away, default);

        await seed.SeedAsync(default);
        var agents = await Stores.Roster.ListAsync(default);

        Assert.Equal(["agent1", "agent2", "agent3", "agent4", "agent5", "agent6"], agents.Select(a => a.Profile.AgentId));
        Assert.Equal(["card", "complaint", "ecommerce", "general", "messages", "vip"],
            agents.SelectMany(a => a.Profile.Skills).Select(s => s.SkillGroup).Distinct().Order());
        Assert.Equal(("坐席 小王", AgentStatus.Away), (agents[0].Profile.DisplayName, agents[0].Status));
    }
}

public sealed class SqliteAgentRosterTests : AgentRosterContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("handoff"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAgentRosterTests(PostgresFixture postgres) : AgentRosterContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "handoff");
}
