using System.Globalization;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Microsoft.Extensions.Options;

namespace Conversational.Handoff.Queues;

/// <summary>
/// The queues per skill group (排队), on SQLite or PostgreSQL: priority level first, then arrival. Entries live in the
/// database from enqueue to close, so a restart keeps every place and every pending offer.
/// </summary>
public sealed class HandoffQueue(HandoffDatabase db, AgentRoster roster, IOptions<HandoffOptions> options)
{
    /// <summary>Queues the conversation; a conversation already waiting, offered or assigned keeps its place.</summary>
    public async Task<QueuePosition> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        await using (var transaction = await db.BeginAsync(cancellationToken))
        {
            var now = db.NowMs;
            // The WHERE keeps an open entry (and its place) when two hosts enqueue the same conversation at once.
            var inserted = await transaction.ExecuteAsync($"""
                INSERT INTO handoff_queue ({QueueEntry.Columns})
                VALUES (@conversation, @customer, @group, @priority, @vip, @dedicated, @reason, 'waiting', @now, @now, NULL, NULL, NULL, NULL)
                ON CONFLICT (conversation_id) DO UPDATE SET customer_id = excluded.customer_id, skill_group = excluded.skill_group,
                    priority = excluded.priority, vip_level = excluded.vip_level, dedicated_agent_id = excluded.dedicated_agent_id,
                    reason = excluded.reason, state = 'waiting', enqueued_at = excluded.enqueued_at, group_since = excluded.group_since,
                    agent_id = NULL, offer_why = NULL, offered_at = NULL, offer_expires_at = NULL
                WHERE handoff_queue.state IN ('cancelled', 'closed')
                """, cancellationToken,
                ("@conversation", request.ConversationId), ("@customer", request.CustomerId), ("@group", request.SkillGroup),
                ("@priority", request.Priority), ("@vip", request.VipLevel), ("@dedicated", request.DedicatedAgentId),
                ("@reason", request.Reason), ("@now", now));
            if (inserted > 0)
            {
                // A new handoff starts clean: who passed on the last one says nothing about this one.
                await transaction.ExecuteAsync("DELETE FROM handoff_refusals WHERE conversation_id = @conversation", cancellationToken,
                    ("@conversation", request.ConversationId));
                await db.CommitAndPublishAsync(transaction, cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return (await PositionAsync(request.ConversationId, cancellationToken))!;
    }

    /// <summary>Null when the conversation was never queued.</summary>
    public async Task<QueuePosition?> PositionAsync(string conversationId, CancellationToken cancellationToken)
    {
        var entry = await FindAsync(conversationId, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        if (entry.State != QueueEntryState.Waiting)
        {
            return Position(entry, 0, TimeSpan.Zero);
        }

        await using var command = db.Command("""
            SELECT COALESCE(SUM(CASE WHEN priority = @priority THEN 1 ELSE 0 END), 0), COUNT(*)
            FROM handoff_queue
            WHERE state = 'waiting' AND skill_group = @group
              AND (priority > @priority OR (priority = @priority AND (enqueued_at < @at OR (enqueued_at = @at AND conversation_id < @conversation))))
            """, ("@priority", entry.Priority), ("@group", entry.SkillGroup), ("@at", entry.EnqueuedAt.ToUnixTimeMilliseconds()),
            ("@conversation", entry.ConversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var sameLevel = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
        var allLevels = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        var capacity = await GroupCapacityAsync(entry.SkillGroup, cancellationToken);
        return Position(entry, sameLevel, capacity.Estimate(allLevels));
    }

    /// <summary>The customer gave up; false when the conversation is not waiting or offered.</summary>
    public async Task<bool> CancelAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAsync(cancellationToken);
        var cancelled = await transaction.ExecuteAsync("""
            UPDATE handoff_queue SET state = 'cancelled', agent_id = NULL, offer_why = NULL, offered_at = NULL, offer_expires_at = NULL
            WHERE conversation_id = @conversation AND state IN ('waiting', 'offered')
            """, cancellationToken, ("@conversation", conversationId));
        if (cancelled == 0)
        {
            return false;
        }

        await db.CommitAndPublishAsync(transaction, cancellationToken);
        return true;
    }

    /// <summary>
    /// Passes an assigned conversation on. To an agent: a direct offer (<c>transfer</c>) to them, back to the group's
    /// queue if they do not accept. To a group: queued there at its original priority and arrival time, so a transfer
    /// does not send the customer to the back. Either way the agent who let go is not offered it again unless no one
    /// else can take it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The conversation is not assigned to <paramref name="fromAgentId"/>.</exception>
    /// <exception cref="KeyNotFoundException">No agent <paramref name="toAgentId"/>.</exception>
    public async Task<QueuePosition> TransferAsync(string conversationId, string fromAgentId, string? toAgentId, string? toSkillGroup,
        CancellationToken cancellationToken)
    {
        if (toAgentId is null && string.IsNullOrWhiteSpace(toSkillGroup))
        {
            throw new ArgumentException("A transfer goes to an agent or a skill group.", nameof(toAgentId));
        }

        if (toAgentId is not null && await roster.FindAsync(toAgentId, cancellationToken) is null)
        {
            throw new KeyNotFoundException($"No agent '{toAgentId}'.");
        }

        await using (var transaction = await db.BeginAsync(cancellationToken))
        {
            var entry = await QueueEntry.LockAsync(transaction, db, conversationId, cancellationToken);
            if (entry is not { State: QueueEntryState.Assigned } || entry.AgentId != fromAgentId)
            {
                throw new InvalidOperationException($"Conversation {conversationId} is not assigned to {fromAgentId}.");
            }

            var now = db.NowMs;
            await CloseAssignmentAsync(transaction, conversationId, fromAgentId, now, cancellationToken);
            await QueueEntry.RefuseAsync(transaction, conversationId, fromAgentId, now, cancellationToken);
            await transaction.ExecuteAsync("""
                UPDATE handoff_queue SET state = 'waiting', agent_id = NULL, offer_why = NULL, offered_at = NULL, offer_expires_at = NULL,
                    skill_group = @group, group_since = @now
                WHERE conversation_id = @conversation
                """, cancellationToken, ("@group", toSkillGroup ?? entry.SkillGroup), ("@now", now), ("@conversation", conversationId));
            if (toAgentId is not null)
            {
                await QueueEntry.OfferAsync(transaction, conversationId, toAgentId, AssignmentPolicy.Transfer, now,
                    now + (long)options.Value.OfferTimeout.TotalMilliseconds, cancellationToken);
            }

            await db.CommitAndPublishAsync(transaction, cancellationToken);
        }

        return (await PositionAsync(conversationId, cancellationToken))!;
    }

    /// <summary>Closed or handed back: frees the agent's capacity. False when the agent does not hold the conversation.</summary>
    public async Task<bool> ReleaseAsync(string conversationId, string agentId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAsync(cancellationToken);
        var released = await transaction.ExecuteAsync("""
            UPDATE handoff_queue SET state = 'closed' WHERE conversation_id = @conversation AND agent_id = @agent AND state = 'assigned'
            """, cancellationToken, ("@conversation", conversationId), ("@agent", agentId));
        if (released == 0)
        {
            return false;
        }

        await CloseAssignmentAsync(transaction, conversationId, agentId, db.NowMs, cancellationToken);
        await db.CommitAndPublishAsync(transaction, cancellationToken);
        return true;
    }

    /// <summary>Every group agents serve, configured or with customers in it, by name.</summary>
    public async Task<IReadOnlyList<QueueOverview>> OverviewAsync(CancellationToken cancellationToken)
    {
        var groups = new SortedDictionary<string, (int Waiting, int Offered, long Oldest, Dictionary<int, int> ByPriority)>(StringComparer.Ordinal);
        foreach (var group in (await roster.ListAsync(cancellationToken)).SelectMany(a => a.Profile.Skills).Select(s => s.SkillGroup)
                     .Concat(options.Value.Groups.Keys))
        {
            groups.TryAdd(group, (0, 0, long.MaxValue, []));
        }

        await using var command = db.Command("""
            SELECT skill_group, state, priority, COUNT(*), MIN(enqueued_at) FROM handoff_queue
            WHERE state IN ('waiting', 'offered') GROUP BY skill_group, state, priority
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = reader.GetString(0);
            var count = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
            var (waiting, offered, oldest, byPriority) = groups.GetValueOrDefault(group, (0, 0, long.MaxValue, []));
            if (reader.GetString(1) == "waiting")
            {
                waiting += count;
                byPriority[reader.GetInt32(2)] = byPriority.GetValueOrDefault(reader.GetInt32(2)) + count;
            }
            else
            {
                offered += count;
            }

            groups[group] = (waiting, offered, Math.Min(oldest, reader.GetInt64(4)), byPriority);
        }

        var now = db.NowMs;
        return [.. groups.Select(g => new QueueOverview(g.Key, g.Value.Waiting, g.Value.Offered,
            g.Value.Oldest == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Max(0, now - g.Value.Oldest)),
            g.Value.ByPriority))];
    }

    /// <summary>The conversations assigned to the agent, first accepted first.</summary>
    public async Task<IReadOnlyList<string>> ActiveConversationsAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var command = db.Command("""
            SELECT q.conversation_id FROM handoff_queue q
            JOIN handoff_assignments a ON a.conversation_id = q.conversation_id AND a.released_at IS NULL
            WHERE q.agent_id = @agent AND q.state = 'assigned' ORDER BY a.assigned_at, q.conversation_id
            """, ("@agent", agentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conversations = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(reader.GetString(0));
        }

        return conversations;
    }

    /// <summary>The group's waiting entries, priority descending, then arrival, each with what that customer is told.</summary>
    public async Task<IReadOnlyList<QueuePosition>> WaitingAsync(string skillGroup, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>();
        await using (var command = db.Command(
            $"SELECT {QueueEntry.Columns} FROM handoff_queue WHERE state = 'waiting' AND skill_group = @group ORDER BY {QueueEntry.Order}",
            ("@group", skillGroup)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(QueueEntry.Read(reader));
            }
        }

        var capacity = await GroupCapacityAsync(skillGroup, cancellationToken);
        var seenByLevel = new Dictionary<int, int>();
        var positions = new List<QueuePosition>(entries.Count);
        foreach (var entry in entries)
        {
            var sameLevel = seenByLevel.GetValueOrDefault(entry.Priority);
            seenByLevel[entry.Priority] = sameLevel + 1;
            positions.Add(Position(entry, sameLevel, capacity.Estimate(positions.Count)));
        }

        return positions;
    }

    internal async Task<QueueEntry?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = db.Command($"SELECT {QueueEntry.Columns} FROM handoff_queue WHERE conversation_id = @conversation",
            ("@conversation", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? QueueEntry.Read(reader) : null;
    }

    private async Task<GroupCapacity> GroupCapacityAsync(string skillGroup, CancellationToken cancellationToken)
    {
        var serving = (await roster.LoadAsync(cancellationToken))
            .Where(a => a.Snapshot.Status == AgentStatus.Available && a.Snapshot.Profile.Skills.Any(s => s.SkillGroup == skillGroup))
            .ToList();
        var slots = serving.Sum(a => a.Snapshot.Profile.MaxConcurrentChats);
        var free = serving.Sum(a => Math.Max(0, a.Snapshot.Profile.MaxConcurrentChats - a.Held));
        return new GroupCapacity(slots, free, await HandleTimeAsync(skillGroup, cancellationToken));
    }

    private async Task<TimeSpan> HandleTimeAsync(string skillGroup, CancellationToken cancellationToken)
    {
        await using var command = db.Command("""
            SELECT released_at - assigned_at FROM handoff_assignments WHERE skill_group = @group AND released_at IS NOT NULL
            ORDER BY released_at DESC LIMIT @window
            """, ("@group", skillGroup), ("@window", WaitEstimate.HistoryWindow));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var durations = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            durations.Add(reader.GetInt64(0));
        }

        return durations.Count >= WaitEstimate.HistoryMinimum
            ? TimeSpan.FromMilliseconds(durations.Average())
            : options.Value.AverageHandleTime;
    }

    private static Task CloseAssignmentAsync(Storage.WriteTransaction transaction, string conversationId, string agentId, long now,
        CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            UPDATE handoff_assignments SET released_at = @now WHERE conversation_id = @conversation AND agent_id = @agent AND released_at IS NULL
            """, cancellationToken, ("@now", now), ("@conversation", conversationId), ("@agent", agentId));

    private static QueuePosition Position(QueueEntry entry, int aheadOfSameLevel, TimeSpan estimatedWait) => new(
        entry.ConversationId, entry.SkillGroup, entry.Priority, entry.State, aheadOfSameLevel, estimatedWait,
        entry.State is QueueEntryState.Offered or QueueEntryState.Assigned ? entry.AgentId : null, entry.EnqueuedAt);

    private static void Validate(QueueRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.CustomerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SkillGroup);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Priority, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Priority, 100);
    }

    /// <summary>A group's online chat slots, the free ones, and its handle time: what <see cref="WaitEstimate"/> needs.</summary>
    private sealed record GroupCapacity(int Slots, int Free, TimeSpan HandleTime)
    {
        public TimeSpan Estimate(int aheadAllLevels) => WaitEstimate.For(aheadAllLevels, Slots, Free, HandleTime);
    }
}
