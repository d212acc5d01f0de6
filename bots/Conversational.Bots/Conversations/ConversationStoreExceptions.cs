namespace Conversational.Bots.Conversations;

/// <summary>Another writer appended first: reload the conversation and try again.</summary>
public sealed class ConcurrencyConflictException(string conversationId, long expectedVersion)
    : Exception($"Conversation {conversationId} is no longer at version {expectedVersion}.")
{
    public string ConversationId { get; } = conversationId;
}

/// <summary>The channel message id was already recorded in this conversation.</summary>
public sealed class DuplicateMessageException(string conversationId, string dedupeKey)
    : Exception($"Conversation {conversationId} already has message {dedupeKey}.")
{
    public string DedupeKey { get; } = dedupeKey;
}

public sealed class ConversationNotFoundException(string conversationId)
    : Exception($"Conversation {conversationId} does not exist.")
{
    public string ConversationId { get; } = conversationId;
}
