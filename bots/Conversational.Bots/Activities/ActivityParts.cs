namespace Conversational.Bots.Activities;

public static class ActivityTypes
{
    public const string Message = "message";

    /// <summary>Sent by the runtime when a conversation starts, so the bot can greet first.</summary>
    public const string ConversationUpdate = "conversationUpdate";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Agent = "agent";
}

/// <summary>A participant: the customer, the bot or an agent.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);

public sealed record ConversationAccount(string Id);

/// <summary>A card or file; cards use <c>application/vnd.microsoft.card.*</c> content types.</summary>
public sealed record Attachment(string ContentType, object? Content = null, string? ContentUrl = null, string? Name = null);

/// <summary>Quick replies shown under the bot's last message.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>A button; <c>imBack</c> posts <see cref="Value"/> back as the customer's message.</summary>
public sealed record CardAction(string Type, string Title, string Value)
{
    public static CardAction ImBack(string title) => new("imBack", title, title);
}
