using Conversational.Bots.Activities;

namespace Conversational.Host.Channels.App;

/// <summary>A customer's identity on the app channel: their id and a token for it.</summary>
public sealed record CustomerSession(string CustomerId, string Token, DateTimeOffset ExpiresAt);

/// <summary>The merchant's back end signs in a customer it has logged in itself.</summary>
public sealed record StartCustomerSessionRequest(string? CustomerId);

/// <summary>Start a conversation; <paramref name="Locale"/> is <c>zh-CN</c> (default) or <c>en</c>.</summary>
public sealed record StartConversationRequest(string? Locale);

/// <summary>A customer message. <paramref name="ClientMessageId"/> makes retries safe: the same id is processed once.</summary>
public sealed record SendMessageRequest(string? Text, string? ClientMessageId, string? Locale);

public sealed record ConversationSummary(string ConversationId, string Channel, string Locale, DateTimeOffset StartedAt);

/// <summary>Activities after a cursor; pass <paramref name="Watermark"/> as <c>after</c> next time.</summary>
public sealed record ActivitySet(string ConversationId, IReadOnlyList<Activity> Activities, long Watermark);

/// <summary>What one message produced: the customer's own activity with its server id, then the bot's replies.</summary>
public sealed record TurnResponse(string ConversationId, IReadOnlyList<Activity> Activities, long Watermark, bool Replayed);
