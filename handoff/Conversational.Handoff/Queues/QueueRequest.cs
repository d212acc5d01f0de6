namespace Conversational.Handoff.Queues;

/// <summary>A customer waiting for a person (排队请求), as routing decided it.</summary>
/// <param name="Priority">0–100, higher first; invisible to the customer.</param>
/// <param name="DedicatedAgentId">The customer's dedicated agent (专属客服), if any.</param>
public sealed record QueueRequest(string ConversationId, string CustomerId, string SkillGroup, int Priority,
    int VipLevel, string? DedicatedAgentId, string Reason);

public enum QueueEntryState
{
    Waiting,
    Offered,
    Assigned,
    Cancelled,
    Closed,
}

/// <summary>
/// Where a conversation stands in its queue. <see cref="AheadOfSameLevel"/> counts only waiting entries of the same
/// priority that arrived earlier in the same group (无感插队: a customer never learns that higher levels exist).
/// </summary>
public sealed record QueuePosition(string ConversationId, string SkillGroup, int Priority, QueueEntryState State,
    int AheadOfSameLevel, TimeSpan EstimatedWait, string? AgentId, DateTimeOffset EnqueuedAt);

/// <summary>One skill group's queue for the supervisor.</summary>
public sealed record QueueOverview(string SkillGroup, int Waiting, int Offered, TimeSpan LongestWait,
    IReadOnlyDictionary<int, int> WaitingByPriority);
