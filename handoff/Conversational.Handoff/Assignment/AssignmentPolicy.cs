namespace Conversational.Handoff.Assignment;

/// <summary>An online agent the policy may choose, with what the choice weighs.</summary>
/// <param name="Level">Proficiency in the entry's skill group, 0 when the agent does not serve it.</param>
/// <param name="Held">Chats assigned plus offers pending.</param>
/// <param name="LastOfferedAt">When the agent was last offered a chat: the longer ago, the longer idle.</param>
public sealed record AssignmentCandidate(string AgentId, int Level, int Held, int MaxChats, DateTimeOffset? LastOfferedAt)
{
    public bool HasCapacity => Held < MaxChats;
}

/// <summary>What the customer's past says: their last agent, agents they rated 1–2, agents who passed on this entry.</summary>
public sealed record AssignmentHistory(string? LastAgentId, IReadOnlySet<string> BadlyRated, IReadOnlySet<string> Refused)
{
    public static readonly AssignmentHistory None = new(null, new HashSet<string>(), new HashSet<string>());
}

/// <summary>The chosen agent and why (<see cref="AssignmentPolicy"/>'s reasons).</summary>
public sealed record AssignmentChoice(string AgentId, string Why);

/// <summary>
/// Which agent a waiting customer is offered to (分配策略), in this order: the dedicated agent (专属客服) when online with
/// capacity; the returning customer's last agent (回头客) when online with capacity and serving the group; otherwise the
/// least-loaded agent with the skill, ties by proficiency then longest idle. An agent the customer rated 1–2 (差评) is
/// never chosen. Agents who declined this customer or let the offer lapse are passed over unless no one else can take it.
/// Pure: the caller brings the online agents and the history.
/// </summary>
public static class AssignmentPolicy
{
    public const string Dedicated = "dedicated";
    public const string Returning = "returning";
    public const string LeastLoaded = "least_loaded";
    public const string Transfer = "transfer";

    /// <param name="dedicatedAgentId">From the queue request; may be null.</param>
    /// <param name="candidates">Agents online now (available, fresh heartbeat); capacity is checked here.</param>
    public static AssignmentChoice? Choose(string? dedicatedAgentId, IReadOnlyList<AssignmentCandidate> candidates, AssignmentHistory history)
    {
        var allowed = candidates.Where(c => c.HasCapacity && !history.BadlyRated.Contains(c.AgentId)).ToList();
        var willing = allowed.Where(c => !history.Refused.Contains(c.AgentId)).ToList();
        return ChooseAmong(dedicatedAgentId, willing, history.LastAgentId)
            ?? ChooseAmong(dedicatedAgentId, allowed, history.LastAgentId);
    }

    private static AssignmentChoice? ChooseAmong(string? dedicatedAgentId, List<AssignmentCandidate> candidates, string? lastAgentId)
    {
        // A dedicated agent serves their customer in any group; a returning customer's agent only in groups they serve.
        if (dedicatedAgentId is not null && candidates.Any(c => c.AgentId == dedicatedAgentId))
        {
            return new AssignmentChoice(dedicatedAgentId, Dedicated);
        }

        if (lastAgentId is not null && candidates.Any(c => c.AgentId == lastAgentId && c.Level > 0))
        {
            return new AssignmentChoice(lastAgentId, Returning);
        }

        var best = candidates
            .Where(c => c.Level > 0)
            .OrderBy(c => c.Held)
            .ThenByDescending(c => c.Level)
            .ThenBy(c => c.LastOfferedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.AgentId, StringComparer.Ordinal)
            .FirstOrDefault();
        return best is null ? null : new AssignmentChoice(best.AgentId, LeastLoaded);
    }
}
