using System.Data.Common;
using Conversational.Storage;

namespace Conversational.Handoff.Queues;

/// <summary>One row of <c>handoff_queue</c>: a conversation's place, and its offer or agent once it has one.</summary>
internal sealed record QueueEntry(string ConversationId, string CustomerId, string SkillGroup, int Priority, int VipLevel,
    string? DedicatedAgentId, string Reason, QueueEntryState State, DateTimeOffset EnqueuedAt, DateTimeOffset GroupSince,
    string? AgentId, string? OfferWhy, DateTimeOffset? OfferedAt, DateTimeOffset? OfferExpiresAt)
{
    public const string Columns = """
        conversation_id, customer_id, skill_group, priority, vip_level, dedicated_agent_id, reason, state, enqueued_at,
        group_since, agent_id, offer_why, offered_at, offer_expires_at
        """;

    /// <summary>The queue's order (priority level, then arrival), the same everywhere it is read.</summary>
    public const string Order = "priority DESC, enqueued_at, conversation_id";

    public static QueueEntry Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
        HandoffDatabase.NullableString(reader, 5), reader.GetString(6), ParseState(reader.GetString(7)),
        HandoffDatabase.FromMs(reader.GetInt64(8)), HandoffDatabase.FromMs(reader.GetInt64(9)), HandoffDatabase.NullableString(reader, 10),
        HandoffDatabase.NullableString(reader, 11), HandoffDatabase.FromMs(reader, 12), HandoffDatabase.FromMs(reader, 13));

    public static string StateName(QueueEntryState state) => state.ToString().ToLowerInvariant();

    private static QueueEntryState ParseState(string name) => Enum.Parse<QueueEntryState>(name, ignoreCase: true);

    /// <summary>Reads the entry inside a transaction, locking it on PostgreSQL until commit.</summary>
    public static async Task<QueueEntry?> LockAsync(WriteTransaction transaction, HandoffDatabase db, string conversationId,
        CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand(
            $"SELECT {Columns} FROM handoff_queue WHERE conversation_id = @conversation{db.ForUpdate}", ("@conversation", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// The agent holding the offer passed on it (declined, or let it lapse): it goes back to waiting in its group, keeping
    /// its place, and the agent is remembered so the next offer goes to someone else.
    /// </summary>
    public static async Task PassOverAsync(WriteTransaction transaction, string conversationId, string agentId, long nowMs,
        CancellationToken cancellationToken)
    {
        await RefuseAsync(transaction, conversationId, agentId, nowMs, cancellationToken);
        await transaction.ExecuteAsync("""
            UPDATE handoff_queue SET state = 'waiting', agent_id = NULL, offer_why = NULL, offered_at = NULL, offer_expires_at = NULL
            WHERE conversation_id = @conversation
            """, cancellationToken, ("@conversation", conversationId));
    }

    public static Task RefuseAsync(WriteTransaction transaction, string conversationId, string agentId, long nowMs,
        CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO handoff_refusals (conversation_id, agent_id, refused_at) VALUES (@conversation, @agent, @now)
            ON CONFLICT (conversation_id, agent_id) DO UPDATE SET refused_at = excluded.refused_at
            """, cancellationToken, ("@conversation", conversationId), ("@agent", agentId), ("@now", nowMs));

    /// <summary>Offers the entry to one agent until <paramref name="expiresMs"/>.</summary>
    public static async Task OfferAsync(WriteTransaction transaction, string conversationId, string agentId, string why, long nowMs,
        long expiresMs, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync("""
            UPDATE handoff_queue SET state = 'offered', agent_id = @agent, offer_why = @why, offered_at = @now, offer_expires_at = @expires
            WHERE conversation_id = @conversation
            """, cancellationToken,
            ("@agent", agentId), ("@why", why), ("@now", nowMs), ("@expires", expiresMs), ("@conversation", conversationId));
        await transaction.ExecuteAsync("UPDATE handoff_agents SET last_offered_at = @now WHERE agent_id = @agent", cancellationToken,
            ("@now", nowMs), ("@agent", agentId));
    }
}
