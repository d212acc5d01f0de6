using Conversational.Bots.Activities;

namespace Conversational.Bots.Tests;

/// <summary>Customer activities as a channel adapter would hand them to the runtime.</summary>
public static class Messages
{
    public static Activity From(string customerId, string conversationId, string text, string locale = "zh-CN") => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        From = new ChannelAccount(customerId, Role: RoleTypes.User),
        Conversation = new ConversationAccount(conversationId),
        Text = text,
        Locale = locale,
    };
}
