namespace Conversational.Bots.Conversations;

/// <summary>An event as the store keeps it: its place in the conversation and when it happened.</summary>
public sealed record StoredEvent(string ConversationId, long Seq, DateTimeOffset OccurredAt, ConversationEvent Event);
