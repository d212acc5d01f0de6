namespace Conversational.Handoff.Assignment;

/// <summary>The offers an agent sees on the desk, and their answers.</summary>
public sealed class AgentOffers
{
    public Task<IReadOnlyList<AgentOffer>> ForAgentAsync(string agentId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Exactly one agent ever wins a conversation.</summary>
    public Task<AcceptResult> AcceptAsync(string agentId, string conversationId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The offer goes to the next agent.</summary>
    public Task DeclineAsync(string agentId, string conversationId, CancellationToken cancellationToken) => throw new NotImplementedException();
}
