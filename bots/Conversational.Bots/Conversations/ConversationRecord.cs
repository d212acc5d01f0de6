namespace Conversational.Bots.Conversations;

/// <summary>A conversation's header row; <paramref name="Version"/> is the sequence number of its last event.</summary>
public sealed record ConversationRecord(string Id, string CustomerId, string Channel, string Locale, DateTimeOffset StartedAt, long Version);
