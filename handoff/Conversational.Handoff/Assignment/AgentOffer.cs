namespace Conversational.Handoff.Assignment;

/// <summary>A waiting customer offered to one agent until <see cref="ExpiresAt"/>.</summary>
/// <param name="Why"><c>dedicated</c>, <c>returning</c>, <c>least_loaded</c> or <c>transfer</c>.</param>
public sealed record AgentOffer(string ConversationId, string AgentId, string SkillGroup, string CustomerId, int Priority,
    string Why, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt);

public enum AcceptResult
{
    Accepted,
    Expired,
    NotOffered,
}
