using System.Globalization;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Queues;
using Conversational.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Handoff.Assignment;

/// <summary>What one <see cref="AssignmentRound"/> did.</summary>
public sealed record RoundResult(int Expired, int Overflowed, int Offered);

/// <summary>
/// One pass of the assigner over every queue: lapsed offers go back to waiting (the agent who let it lapse is passed
/// over next), customers waiting past their group's SLA overflow to its backup group, then waiting customers are
/// offered to agents in queue order. Safe to run on any number of hosts at once: on PostgreSQL the claim takes entries
/// with <c>FOR UPDATE SKIP LOCKED</c> and an agent row only if no other host holds it, then recounts the agent's chats
/// under that lock, so no customer is offered twice and no agent beyond capacity. Everything is in the database: a host
/// that dies mid-round rolls back, and an offer it made lapses and is re-offered by whichever host runs next.
/// </summary>
public sealed partial class AssignmentRound(HandoffDatabase db, AgentRoster roster, IOptions<HandoffOptions> options,
    ILogger<AssignmentRound> logger)
{
    /// <summary>Entries claimed per transaction: bounds how long a claim holds the SQLite writer or PostgreSQL row locks.</summary>
    public const int ClaimBatch = 50;

    public async Task<RoundResult> RunAsync(CancellationToken cancellationToken)
    {
        var expired = await ExpireOffersAsync(cancellationToken);
        var overflowed = await OverflowAsync(cancellationToken);
        var offered = await OfferWaitingAsync(cancellationToken);
        return new RoundResult(expired, overflowed, offered);
    }

    private async Task<int> ExpireOffersAsync(CancellationToken cancellationToken)
    {
        var now = db.NowMs;
        if (!await AnyAsync("SELECT 1 FROM handoff_queue WHERE state = 'offered' AND offer_expires_at <= @now LIMIT 1", cancellationToken,
                ("@now", now)))
        {
            return 0;
        }

        await using var transaction = await db.BeginAsync(cancellationToken);
        var lapsed = new List<(string Conversation, string Agent)>();
        await using (var command = transaction.CreateCommand($"""
            SELECT conversation_id, agent_id FROM handoff_queue WHERE state = 'offered' AND offer_expires_at <= @now
            ORDER BY offer_expires_at LIMIT 500{db.SkipLocked}
            """, ("@now", now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lapsed.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (conversation, agent) in lapsed)
        {
            await QueueEntry.PassOverAsync(transaction, conversation, agent, now, cancellationToken);
            LogOfferLapsed(conversation, agent);
        }

        if (lapsed.Count > 0)
        {
            await db.CommitAndPublishAsync(transaction, cancellationToken);
        }

        return lapsed.Count;
    }

    private async Task<int> OverflowAsync(CancellationToken cancellationToken)
    {
        var rules = options.Value.Groups.Where(g => !string.IsNullOrWhiteSpace(g.Value.OverflowTo)).ToList();
        if (rules.Count == 0)
        {
            return 0;
        }

        var now = db.NowMs;
        // Nobody has waited the shortest SLA yet: nothing can overflow.
        var earliestDue = now - (long)rules.Min(r => r.Value.OverflowAfter).TotalMilliseconds;
        if (!await AnyAsync("SELECT 1 FROM handoff_queue WHERE state = 'waiting' AND group_since <= @cutoff LIMIT 1", cancellationToken,
                ("@cutoff", earliestDue)))
        {
            return 0;
        }

        await using var transaction = await db.BeginAsync(cancellationToken);
        var moved = 0;
        foreach (var (group, rule) in rules)
        {
            // The customer keeps priority and arrival time; the SLA clock restarts in the backup group.
            var count = await transaction.ExecuteAsync("""
                UPDATE handoff_queue SET skill_group = @to, group_since = @now
                WHERE state = 'waiting' AND skill_group = @from AND group_since <= @cutoff
                """, cancellationToken, ("@to", rule.OverflowTo), ("@now", now), ("@from", group),
                ("@cutoff", now - (long)rule.OverflowAfter.TotalMilliseconds));
            if (count > 0)
            {
                LogOverflowed(count, group, rule.OverflowTo!);
            }

            moved += count;
        }

        if (moved > 0)
        {
            await db.CommitAndPublishAsync(transaction, cancellationToken);
        }

        return moved;
    }

    private async Task<int> OfferWaitingAsync(CancellationToken cancellationToken)
    {
        var agents = (await roster.LoadAsync(cancellationToken)).Where(a => a.Snapshot.Status == AgentStatus.Available)
            .ToDictionary(a => a.Snapshot.Profile.AgentId, a => a, StringComparer.Ordinal);
        var offered = 0;
        QueueEntry? after = null;
        while (agents.Values.Any(a => a.CanTakeMore))
        {
            await using var transaction = await db.BeginAsync(cancellationToken);
            var claimed = await ClaimAsync(transaction, agents.Values.Where(a => a.CanTakeMore).ToList(), after, cancellationToken);
            var offeredNow = 0;
            foreach (var entry in claimed)
            {
                if (await OfferAsync(transaction, entry, agents, cancellationToken))
                {
                    offeredNow++;
                }
            }

            if (offeredNow > 0)
            {
                await db.CommitAndPublishAsync(transaction, cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }

            offered += offeredNow;
            if (claimed.Count < ClaimBatch)
            {
                break;
            }

            after = claimed[^1];
        }

        return offered;
    }

    /// <summary>A read before a write transaction, so an idle round never takes the SQLite writer or a PostgreSQL connection for nothing.</summary>
    private async Task<bool> AnyAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = db.Command(sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// The next waiting entries in queue order after <paramref name="after"/>, only those some agent with room could
    /// take; rows another host is claiming are skipped, not waited for.
    /// </summary>
    private async Task<List<QueueEntry>> ClaimAsync(WriteTransaction transaction, IReadOnlyList<RosterEntry> withRoom, QueueEntry? after,
        CancellationToken cancellationToken)
    {
        var (groups, groupParameters) = HandoffDatabase.InList("g",
            withRoom.SelectMany(a => a.Snapshot.Profile.Skills).Select(s => s.SkillGroup).Distinct(StringComparer.Ordinal));
        var (agentIds, agentParameters) = HandoffDatabase.InList("a", withRoom.Select(a => a.Snapshot.Profile.AgentId));
        var cursor = after is null ? "" : """
             AND (priority < @p OR (priority = @p AND (enqueued_at > @e OR (enqueued_at = @e AND conversation_id > @c))))
            """;
        (string, object?)[] cursorParameters = after is null ? [] :
            [("@p", after.Priority), ("@e", after.EnqueuedAt.ToUnixTimeMilliseconds()), ("@c", after.ConversationId)];
        await using var command = transaction.CreateCommand($"""
            SELECT {QueueEntry.Columns} FROM handoff_queue
            WHERE state = 'waiting' AND (skill_group IN {groups} OR dedicated_agent_id IN {agentIds}){cursor}
            ORDER BY {QueueEntry.Order} LIMIT {ClaimBatch.ToString(CultureInfo.InvariantCulture)}{db.SkipLocked}
            """, [.. groupParameters, .. agentParameters, .. cursorParameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<QueueEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(QueueEntry.Read(reader));
        }

        return entries;
    }

    /// <summary>Chooses an agent for the entry and offers it, if an agent the policy allows can be locked and has room.</summary>
    private async Task<bool> OfferAsync(WriteTransaction transaction, QueueEntry entry, Dictionary<string, RosterEntry> agents,
        CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(transaction, entry, cancellationToken);
        var candidates = agents.Values.Select(a => Candidate(a, entry.SkillGroup)).ToList();
        while (AssignmentPolicy.Choose(entry.DedicatedAgentId, candidates, history) is { } choice)
        {
            var held = await LockAgentAsync(transaction, choice.AgentId, cancellationToken);
            var agent = agents[choice.AgentId];
            if (held is { } count && count < agent.Snapshot.Profile.MaxConcurrentChats)
            {
                var now = db.NowMs;
                await QueueEntry.OfferAsync(transaction, entry.ConversationId, choice.AgentId, choice.Why, now,
                    now + (long)options.Value.OfferTimeout.TotalMilliseconds, cancellationToken);
                agents[choice.AgentId] = agent with { Held = count + 1, LastOfferedAt = HandoffDatabase.FromMs(now) };
                LogOffered(entry.ConversationId, choice.AgentId, choice.Why);
                return true;
            }

            if (held is null && choice.Why != AssignmentPolicy.LeastLoaded)
            {
                // The customer's own agent is busy on another host this instant: wait for them rather than settle.
                return false;
            }

            // Full (per the count under the lock) or taken by another host this instant: the next best agent.
            if (held is { } full)
            {
                agents[choice.AgentId] = agent with { Held = full };
            }

            candidates.RemoveAll(c => c.AgentId == choice.AgentId);
        }

        return false;
    }

    /// <summary>Locks the agent's row (PostgreSQL: only if no other host holds it) and counts what they hold under it; null if taken.</summary>
    private async Task<int?> LockAgentAsync(WriteTransaction transaction, string agentId, CancellationToken cancellationToken)
    {
        await using (var lockAgent = transaction.CreateCommand(
            $"SELECT agent_id FROM handoff_agents WHERE agent_id = @agent{db.SkipLocked}", ("@agent", agentId)))
        {
            if (await lockAgent.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        await using var count = transaction.CreateCommand(
            "SELECT COUNT(*) FROM handoff_queue WHERE agent_id = @agent AND state IN ('offered', 'assigned')", ("@agent", agentId));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<AssignmentHistory> HistoryAsync(WriteTransaction transaction, QueueEntry entry, CancellationToken cancellationToken)
    {
        string? lastAgent;
        await using (var last = transaction.CreateCommand(
            "SELECT agent_id FROM handoff_assignments WHERE customer_id = @customer ORDER BY assigned_at DESC LIMIT 1",
            ("@customer", entry.CustomerId)))
        {
            lastAgent = await last.ExecuteScalarAsync(cancellationToken) as string;
        }

        var badlyRated = await AgentIdsAsync(transaction, "SELECT agent_id FROM handoff_ratings WHERE customer_id = @id AND score < @good",
            cancellationToken, ("@id", entry.CustomerId), ("@good", AgentRatings.WorstGood));
        var refused = await AgentIdsAsync(transaction, "SELECT agent_id FROM handoff_refusals WHERE conversation_id = @id",
            cancellationToken, ("@id", entry.ConversationId));
        return new AssignmentHistory(lastAgent, badlyRated, refused);
    }

    private static async Task<HashSet<string>> AgentIdsAsync(WriteTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = transaction.CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static AssignmentCandidate Candidate(RosterEntry agent, string skillGroup) => new(
        agent.Snapshot.Profile.AgentId,
        agent.Snapshot.Profile.Skills.FirstOrDefault(s => s.SkillGroup == skillGroup)?.Level ?? 0,
        agent.Held, agent.Snapshot.Profile.MaxConcurrentChats, agent.LastOfferedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offered {ConversationId} to {AgentId} ({Why})")]
    private partial void LogOffered(string conversationId, string agentId, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer of {ConversationId} to {AgentId} lapsed; back to waiting")]
    private partial void LogOfferLapsed(string conversationId, string agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} waiting in {Group} overflowed to {OverflowTo}")]
    private partial void LogOverflowed(int count, string group, string overflowTo);
}
