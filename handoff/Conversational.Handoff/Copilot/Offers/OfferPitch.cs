namespace Conversational.Handoff.Copilot;

/// <summary>An offer the agent pitched (启齿) in a conversation, with which script, and the customer's answer so far.</summary>
public sealed record OfferPitch(string ConversationId, string OfferId, string CustomerId, string AgentId, string ScriptId,
    DateTimeOffset PitchedAt, OfferResponse Response);
