namespace Conversational.Bots.Handoff;

/// <summary>The agent tried to act on a conversation that is not assigned to them (any more).</summary>
public sealed class AgentAccessDeniedException(string agentId, string conversationId)
    : Exception($"Conversation {conversationId} is not assigned to agent {agentId}.")
{
    public string AgentId { get; } = agentId;

    public string ConversationId { get; } = conversationId;
}
