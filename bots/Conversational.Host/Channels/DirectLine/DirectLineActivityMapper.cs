using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Knowledge.Understanding;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>
/// Translates between the conversation log and Direct Line activities. Ids and watermarks are the log's sequence
/// numbers, so a client resuming from a watermark gets exactly what came after it, from any host.
/// </summary>
public static class DirectLineActivityMapper
{
    public const string ChannelId = "directline";

    /// <summary>Direct Line's id style, <c>{conversationId}|0000042</c>: unique in the conversation and sortable.</summary>
    public static string ActivityId(string conversationId, long seq) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{seq:D7}");

    public static string Watermark(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    /// <summary>A watermark as a client echoes it: absent or empty means from the start.</summary>
    public static bool TryParseWatermark(string? watermark, out long seq)
    {
        seq = 0;
        return string.IsNullOrEmpty(watermark)
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out seq) && seq >= 0);
    }

    /// <summary>The stored event as the customer sees it on Direct Line, or null if it is not shown (intents, skill steps…).</summary>
    public static DirectLineActivity? ToDirectLine(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (ConversationTranscript.ToActivity(stored) is not { } activity)
        {
            return null;
        }

        return new DirectLineActivity
        {
            Type = activity.Type,
            Id = ActivityId(stored.ConversationId, stored.Seq),
            Timestamp = Timestamp(stored.OccurredAt),
            ChannelId = ChannelId,
            From = activity.From,
            Recipient = activity.Recipient,
            Conversation = new ConversationAccount(stored.ConversationId),
            Text = activity.Text,
            TextFormat = activity.Text is null ? null : "plain",
            Locale = activity.Locale,
            Attachments = activity.Attachments,
            SuggestedActions = activity.SuggestedActions,
            ChannelData = activity.ChannelData,
            // Web Chat holds a reply back until the activity it answers is shown, so it must name the echo's Direct Line id.
            ReplyToId = long.TryParse(activity.ReplyToId, NumberStyles.None, CultureInfo.InvariantCulture, out var replyTo)
                ? ActivityId(stored.ConversationId, replyTo)
                : activity.ReplyToId,
        };
    }

    /// <summary>The bot is working on the customer's message. No id and no reply-to: it is not part of the log.</summary>
    public static DirectLineActivity Typing(string conversationId, DateTimeOffset now) => new()
    {
        Type = "typing",
        Timestamp = Timestamp(now),
        ChannelId = ChannelId,
        From = new ChannelAccount("bot", Role: RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
    };

    /// <summary>A posted message as the runtime takes it. The sender is the token's user, whatever <c>from</c> claims.</summary>
    public static Activity ToActivity(DirectLineIncomingActivity incoming, ConversationRecord conversation, string userId)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(conversation);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = conversation.Channel,
            From = new ChannelAccount(userId, incoming.From?.Name, RoleTypes.User),
            Recipient = new ChannelAccount("bot", Role: RoleTypes.Bot),
            Conversation = new ConversationAccount(conversation.Id),
            Text = incoming.Text!.Trim(),
            Locale = Locale(incoming.Locale) ?? conversation.Locale,
            ChannelData = incoming.ChannelData,
        };
    }

    /// <summary>A client's locale (<c>zh-CN</c>, <c>en-US</c>…) as one the bot speaks, or null if it speaks neither.</summary>
    public static string? Locale(string? clientLocale) => clientLocale switch
    {
        null => null,
        _ when clientLocale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => TextLanguage.Chinese,
        _ when clientLocale.StartsWith("en", StringComparison.OrdinalIgnoreCase) => TextLanguage.English,
        _ => null,
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
