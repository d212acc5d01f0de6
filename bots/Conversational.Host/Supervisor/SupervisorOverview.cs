using System.Globalization;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Queues;

namespace Conversational.Host.Supervisor;

/// <summary>The supervisor's live view (现场监控): every queue and every agent, as of <paramref name="At"/>.</summary>
public sealed record SupervisorOverview(IReadOnlyList<SupervisorQueue> Queues, IReadOnlyList<SupervisorAgent> Agents, DateTimeOffset At)
{
    public static async Task<SupervisorOverview> ReadAsync(HandoffQueue queue, AgentRoster roster, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(time);
        var queues = (await queue.OverviewAsync(cancellationToken)).Select(q => new SupervisorQueue(q.SkillGroup, q.Waiting, q.Offered,
            (int)q.LongestWait.TotalSeconds, q.WaitingByPriority.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value)));
        var agents = (await roster.ListAsync(cancellationToken)).Select(a => new SupervisorAgent(a.Profile.AgentId, a.Profile.DisplayName,
            a.Status.ToString().ToLowerInvariant(), a.ActiveChats, a.Profile.MaxConcurrentChats, a.LastHeartbeatAt));
        return new SupervisorOverview([.. queues], [.. agents], time.GetUtcNow());
    }
}

/// <param name="WaitingByPriority">Waiting customers per priority level, keyed by the level ("80": 2).</param>
public sealed record SupervisorQueue(string SkillGroup, int Waiting, int Offered, int LongestWaitSeconds,
    IReadOnlyDictionary<string, int> WaitingByPriority);

public sealed record SupervisorAgent(string Id, string Name, string Status, int ActiveChats, int MaxChats, DateTimeOffset? LastHeartbeatAt);
