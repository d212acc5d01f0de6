namespace Conversational.Handoff.Assignment;

/// <summary>Customers' ratings of agents (满意度评价); 1–2 is a bad rating (差评), never offered to that customer again.</summary>
public sealed class AgentRatings
{
    public Task RecordAsync(string customerId, string agentId, int score, CancellationToken cancellationToken) => throw new NotImplementedException();
}
