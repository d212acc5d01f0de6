using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Tickets;
using Conversational.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversational.Handoff.Tests;

/// <summary>
/// The handoff stores of one host on one database, wired by hand so a test drives the clock and the assignment rounds
/// itself (the background assigner is not running).
/// </summary>
public sealed class HandoffStores : IAsyncDisposable
{
    private HandoffStores(Database database, TimeProvider time, HandoffOptions options)
    {
        Database = database;
        Feed = new HandoffChangeFeed();
        var db = new HandoffDatabase(database, Feed, time);
        var wrapped = Options.Create(options);
        Roster = new AgentRoster(db, wrapped);
        Queue = new HandoffQueue(db, Roster, wrapped);
        Offers = new AgentOffers(db);
        Ratings = new AgentRatings(db);
        Tickets = new HandoffTickets(db);
        Round = new AssignmentRound(db, Roster, wrapped, NullLogger<AssignmentRound>.Instance);
    }

    public Database Database { get; }

    public HandoffChangeFeed Feed { get; }

    public AgentRoster Roster { get; }

    public HandoffQueue Queue { get; }

    public AgentOffers Offers { get; }

    public AgentRatings Ratings { get; }

    public HandoffTickets Tickets { get; }

    public AssignmentRound Round { get; }

    public static async Task<HandoffStores> OpenAsync(Database database, TimeProvider time, HandoffOptions options)
    {
        await new SchemaMigrator(database, [HandoffSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return new HandoffStores(database, time, options);
    }

    /// <summary>An agent with the given skills, available now.</summary>
    public async Task AgentAsync(string agentId, int maxChats, params (string Group, int Level)[] skills)
    {
        await Roster.SaveProfileAsync(new AgentProfile(agentId, agentId, [.. skills.Select(s => new SkillProficiency(s.Group, s.Level))], maxChats), default);
        await Roster.SetStatusAsync(agentId, AgentStatus.Available, default);
    }

    /// <summary>The conversation's current offer or assignment holder, from the queue.</summary>
    public async Task<(QueueEntryState State, string? AgentId)> HolderAsync(string conversationId)
    {
        var position = await Queue.PositionAsync(conversationId, default);
        return (position!.State, position.AgentId);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
