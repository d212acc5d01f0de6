using Conversational.Handoff.Copilot;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The agent tried to close a chat without saying mandatory disclosures (必须告知) of its business and without acknowledging
/// that; the desk warns and the agent may close again acknowledging them.
/// </summary>
public sealed class MissingDisclosuresException(string conversationId, IReadOnlyList<DisclosureRule> missing)
    : Exception($"Conversation {conversationId} has {missing.Count} mandatory disclosure(s) the agent has not said.")
{
    public string ConversationId { get; } = conversationId;

    public IReadOnlyList<DisclosureRule> Missing { get; } = missing;
}
