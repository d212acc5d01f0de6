using System.Globalization;

namespace Conversational.Host.Channels.WeChat.Protocol;

/// <summary>
/// One push from WeChat (a customer's message or an event), with the fields the channel uses. <c>FromUserName</c> is
/// the customer's OpenID; <c>ToUserName</c> the account's original id (gh_…).
/// </summary>
public sealed record WeChatMessage
{
    public required string ToUserName { get; init; }

    public required string FromUserName { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreateTime { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>voice</c>, …, or <c>event</c>.</summary>
    public required string MsgType { get; init; }

    public string? Content { get; init; }

    /// <summary>64-bit; absent on events.</summary>
    public string? MsgId { get; init; }

    /// <summary>For events: <c>subscribe</c>, <c>unsubscribe</c>, <c>CLICK</c>, <c>VIEW</c>, <c>SCAN</c>, <c>LOCATION</c>.</summary>
    public string? Event { get; init; }

    public string? EventKey { get; init; }

    /// <summary>A voice message's text when the account has speech recognition (语音识别) on.</summary>
    public string? Recognition { get; init; }

    /// <summary>
    /// What identifies this push across WeChat's retries: the MsgId for messages, sender and time for events (which
    /// have no MsgId), as WeChat's documentation prescribes.
    /// </summary>
    public string DedupeKey => MsgId is { Length: > 0 } id
        ? "wechat:" + id
        : string.Create(CultureInfo.InvariantCulture, $"wechat:{FromUserName}:{CreateTime}:{Event}");

    /// <exception cref="WeChatProtocolException">A required field is missing or malformed.</exception>
    public static WeChatMessage From(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var message = new WeChatMessage
        {
            ToUserName = Required(fields, nameof(ToUserName)),
            FromUserName = Required(fields, nameof(FromUserName)),
            CreateTime = long.TryParse(Required(fields, nameof(CreateTime)), NumberStyles.None, CultureInfo.InvariantCulture, out var time)
                ? time
                : throw new WeChatProtocolException("CreateTime is not a number."),
            MsgType = Required(fields, nameof(MsgType)),
            Content = fields.GetValueOrDefault(nameof(Content)),
            MsgId = fields.GetValueOrDefault(nameof(MsgId)),
            Event = fields.GetValueOrDefault(nameof(Event)),
            EventKey = fields.GetValueOrDefault(nameof(EventKey)),
            Recognition = fields.GetValueOrDefault(nameof(Recognition)),
        };
        return message switch
        {
            { MsgType: WeChatMessageTypes.Text, Content: null } => throw new WeChatProtocolException("A text message has no Content."),
            { MsgType: WeChatMessageTypes.Event, Event: null or "" } => throw new WeChatProtocolException("An event has no Event."),
            { MsgId: { Length: > 0 } id } when !ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                throw new WeChatProtocolException("MsgId is not a 64-bit number."),
            _ => message,
        };
    }

    private static string Required(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new WeChatProtocolException($"{name} is missing.");
}

/// <summary>The <c>MsgType</c> and <c>Event</c> values the channel acts on.</summary>
public static class WeChatMessageTypes
{
    public const string Text = "text";
    public const string Voice = "voice";
    public const string Event = "event";
    public const string TransferCustomerService = "transfer_customer_service";

    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Click = "CLICK";
}
