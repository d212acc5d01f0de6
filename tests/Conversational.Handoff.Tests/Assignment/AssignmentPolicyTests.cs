using Conversational.Handoff.Assignment;

namespace Conversational.Handoff.Tests.Assignment;

/// <summary>The policy alone: the order of its preferences and its tie-breaks, without a database.</summary>
public sealed class AssignmentPolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDedicatedAgent_ComesBeforeTheReturningCustomersLastAgent()
    {
        var choice = AssignmentPolicy.Choose("d1", [Agent("a1"), Agent("d1", level: 0)], History(last: "a1"));

        Assert.Equal(new AssignmentChoice("d1", AssignmentPolicy.Dedicated), choice);
    }

    [Fact]
    public void ADedicatedAgentAtCapacity_FallsThroughToTheLastAgent()
    {
        var choice = AssignmentPolicy.Choose("d1", [Agent("a1"), Agent("d1", held: 3)], History(last: "a1"));

        Assert.Equal(new AssignmentChoice("a1", AssignmentPolicy.Returning), choice);
    }

    [Fact]
    public void TheLastAgent_IsSkipped_WhenTheyDoNotServeTheGroup()
    {
        var choice = AssignmentPolicy.Choose(null, [Agent("a1", level: 0), Agent("a2", level: 1)], History(last: "a1"));

        Assert.Equal(new AssignmentChoice("a2", AssignmentPolicy.LeastLoaded), choice);
    }

    [Fact]
    public void LeastLoaded_TiesGoToTheMoreProficient_ThenToTheLongestIdle()
    {
        AssignmentCandidate[] agents =
        [
            Agent("busy", level: 5, held: 1),
            Agent("recent", level: 4, lastOffered: Noon),
            Agent("idle", level: 4, lastOffered: Noon.AddMinutes(-10)),
            Agent("novice", level: 2),
        ];

        Assert.Equal("idle", AssignmentPolicy.Choose(null, agents, AssignmentHistory.None)!.AgentId);
        Assert.Equal("recent", AssignmentPolicy.Choose(null, agents[..2], AssignmentHistory.None)!.AgentId);
    }

    [Fact]
    public void ABadlyRatedAgent_IsNeverChosen_NotEvenAsDedicatedOrAsTheOnlyOne()
    {
        var history = History(badlyRated: ["d1"]);

        Assert.Null(AssignmentPolicy.Choose("d1", [Agent("d1")], history));
    }

    [Fact]
    public void AnAgentWhoPassed_IsChosenOnlyWhenNoOneElseCan()
    {
        var history = History(refused: ["a1"]);

        Assert.Equal("a2", AssignmentPolicy.Choose(null, [Agent("a1", level: 5), Agent("a2", level: 1)], history)!.AgentId);
        Assert.Equal("a1", AssignmentPolicy.Choose(null, [Agent("a1", level: 5), Agent("a2", level: 1, held: 3)], history)!.AgentId);
    }

    [Fact]
    public void NoAgentWithRoomAndSkill_MeansNoChoice()
    {
        Assert.Null(AssignmentPolicy.Choose(null, [Agent("a1", held: 3), Agent("a2", level: 0)], AssignmentHistory.None));
    }

    private static AssignmentCandidate Agent(string id, int level = 3, int held = 0, DateTimeOffset? lastOffered = null) =>
        new(id, level, held, 3, lastOffered);

    private static AssignmentHistory History(string? last = null, string[]? badlyRated = null, string[]? refused = null) =>
        new(last, new HashSet<string>(badlyRated ?? []), new HashSet<string>(refused ?? []));
}
