using Conversational.Handoff.Queues;

namespace Conversational.Handoff.Assignment;

/// <summary>
/// The offers an agent sees on the desk, and their answers. Accepting locks the entry (PostgreSQL: row lock across
/// hosts; SQLite: the single writer), so of all the agents ever offered a customer exactly one wins.
/// </summary>
public sealed class AgentOffers(HandoffDatabase db)
{
    /// <summary>The agent's offers that have not expired, oldest first.</summary>
    public async Task<IReadOnlyList<AgentOffer>> ForAgentAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var command = db.Command($"""
            SELECT {QueueEntry.Columns} FROM handoff_queue
            WHERE agent_id = @agent AND state = 'offered' AND offer_expires_at > @now ORDER BY offered_at, conversation_id
            """, ("@agent", agentId), ("@now", db.NowMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var offers = new List<AgentOffer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = QueueEntry.Read(reader);
            offers.Add(new AgentOffer(entry.ConversationId, agentId, entry.SkillGroup, entry.CustomerId, entry.Priority,
                entry.OfferWhy!, entry.OfferedAt!.Value, entry.OfferExpiresAt!.Value));
        }

        return offers;
    }

    /// <summary>
    /// Takes the customer if the offer is the agent's and still open. <see cref="AcceptResult.Expired"/>: the agent had
    /// it but too late (it may be someone else's now); <see cref="AcceptResult.NotOffered"/>: it never was theirs, or the
    /// customer left. Accepting twice is still <see cref="AcceptResult.Accepted"/>.
    /// </summary>
    public async Task<AcceptResult> AcceptAsync(string agentId, string conversationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAsync(cancellationToken);
        var entry = await QueueEntry.LockAsync(transaction, db, conversationId, cancellationToken);
        if (entry?.AgentId == agentId && entry.State == QueueEntryState.Assigned)
        {
            return AcceptResult.Accepted;
        }

        var now = db.NowMs;
        if (entry?.AgentId == agentId && entry.State == QueueEntryState.Offered)
        {
            if (entry.OfferExpiresAt!.Value.ToUnixTimeMilliseconds() <= now)
            {
                await QueueEntry.PassOverAsync(transaction, conversationId, agentId, now, cancellationToken);
                await db.CommitAndPublishAsync(transaction, cancellationToken);
                return AcceptResult.Expired;
            }

            await transaction.ExecuteAsync("UPDATE handoff_queue SET state = 'assigned' WHERE conversation_id = @conversation",
                cancellationToken, ("@conversation", conversationId));
            await transaction.ExecuteAsync("""
                INSERT INTO handoff_assignments (conversation_id, assigned_at, customer_id, agent_id, skill_group)
                VALUES (@conversation, @now, @customer, @agent, @group)
                """, cancellationToken,
                ("@conversation", conversationId), ("@now", now), ("@customer", entry.CustomerId), ("@agent", agentId),
                ("@group", entry.SkillGroup));
            await db.CommitAndPublishAsync(transaction, cancellationToken);
            return AcceptResult.Accepted;
        }

        return entry is not null && await PassedOnAsync(transaction, conversationId, agentId, cancellationToken)
            ? AcceptResult.Expired
            : AcceptResult.NotOffered;
    }

    /// <summary>The agent passes: the customer keeps their place and goes to the next agent.</summary>
    public async Task DeclineAsync(string agentId, string conversationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAsync(cancellationToken);
        var entry = await QueueEntry.LockAsync(transaction, db, conversationId, cancellationToken);
        if (entry is { State: QueueEntryState.Offered } && entry.AgentId == agentId)
        {
            await QueueEntry.PassOverAsync(transaction, conversationId, agentId, db.NowMs, cancellationToken);
            await db.CommitAndPublishAsync(transaction, cancellationToken);
        }
    }

    private static async Task<bool> PassedOnAsync(Storage.WriteTransaction transaction, string conversationId, string agentId,
        CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand(
            "SELECT 1 FROM handoff_refusals WHERE conversation_id = @conversation AND agent_id = @agent",
            ("@conversation", conversationId), ("@agent", agentId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
