namespace Conversational.Handoff.Assignment;

/// <summary>
/// Customers' ratings of agents (满意度评价), the latest per customer and agent. 1–2 is a bad rating (差评): the policy
/// never offers that customer to that agent again.
/// </summary>
public sealed class AgentRatings(HandoffDatabase db)
{
    public const int WorstGood = 3;

    public async Task RecordAsync(string customerId, string agentId, int score, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        await db.Database.ExecuteAsync("""
            INSERT INTO handoff_ratings (customer_id, agent_id, score, rated_at) VALUES (@customer, @agent, @score, @now)
            ON CONFLICT (customer_id, agent_id) DO UPDATE SET score = excluded.score, rated_at = excluded.rated_at
            """, cancellationToken, ("@customer", customerId), ("@agent", agentId), ("@score", score), ("@now", db.NowMs));
    }
}
