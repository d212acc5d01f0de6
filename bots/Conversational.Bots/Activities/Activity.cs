using System.Text.Json;

namespace Conversational.Bots.Activities;

/// <summary>
/// One thing said or done in a conversation, in the JSON shape of the Bot Framework Activity schema, so that
/// channels speaking that schema (Direct Line, Web Chat) need no translation and our own channels share one model.
/// </summary>
public sealed record Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Assigned by the server: the event's sequence number in the conversation.</summary>
    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Channel-specific data, kept verbatim (e.g. Web Chat's <c>clientActivityID</c>).</summary>
    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }
}
