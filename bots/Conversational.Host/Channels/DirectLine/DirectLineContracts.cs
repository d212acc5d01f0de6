using System.Text.Json;
using System.Text.Json.Serialization;
using Conversational.Bots.Activities;

namespace Conversational.Host.Channels.DirectLine;

// The JSON shapes of Direct Line 3.0 (learn.microsoft.com, "Direct Line API 3.0 reference"), as Web Chat and
// DirectLineJS send and expect them. Field names are the protocol's, not ours.

/// <summary>A participant as a Direct Line client names it; only the id and name are read, the role is the server's to set.</summary>
public sealed record DirectLineAccount(string? Id, string? Name);

/// <summary>Body of <c>tokens/generate</c> (optional): the user the token is for.</summary>
public sealed record DirectLineTokenRequest(DirectLineAccount? User);

/// <summary>Body of <c>POST conversations</c> (optional): DirectLineJS sends the user and the page's locale.</summary>
public sealed record DirectLineStartRequest(DirectLineAccount? User, string? Locale);

/// <summary>A conversation and a token for it; <paramref name="StreamUrl"/> is pre-authorized, absent for a bare token.</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

/// <summary>What <c>GET …/activities</c> answers and what every stream frame carries.</summary>
/// <param name="Watermark">Echo it back to get only later activities; absent on frames that carry only typing.</param>
public sealed record DirectLineActivitySet(IReadOnlyList<DirectLineActivity> Activities, string? Watermark);

/// <summary>The answer to a posted activity: the id it was given in the conversation.</summary>
public sealed record DirectLineResourceResponse(string Id);

/// <summary>The protocol's error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record DirectLineError(DirectLineErrorDetail Error);

public sealed record DirectLineErrorDetail(string Code, string Message);

/// <summary>An activity as a client posts it. Only what the bot acts on is read; <c>channelData</c> is kept verbatim.</summary>
public sealed record DirectLineIncomingActivity(
    string? Type,
    string? Text,
    DirectLineAccount? From,
    string? Locale,
    JsonElement? ChannelData,
    JsonElement? Attachments);

/// <summary>An activity as the server sends it, in the Bot Framework Activity schema.</summary>
public sealed record DirectLineActivity
{
    public required string Type { get; init; }

    /// <summary><c>{conversationId}|{sequence}</c>; typing, which is never stored, has none.</summary>
    public string? Id { get; init; }

    /// <summary>ISO-8601 UTC, as a string: Web Chat orders by it.</summary>
    public required string Timestamp { get; init; }

    public required string ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public required ConversationAccount Conversation { get; init; }

    public string? Text { get; init; }

    /// <summary>Our replies are plain text with line breaks, not Markdown.</summary>
    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }
}
