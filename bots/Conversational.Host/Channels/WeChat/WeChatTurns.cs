using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Host.Channels.WeChat.Protocol;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat;

/// <summary>What the customer gets for one push: texts to send, and whether to hand the message to WeChat's own desk.</summary>
public sealed record WeChatOutcome(IReadOnlyList<string> Texts, bool TransferToWeChatDesk)
{
    public static WeChatOutcome Nothing { get; } = new([], false);
}

/// <summary>
/// Translates one WeChat push into a turn of the bot and the turn's replies into WeChat texts: a text (or a voice
/// message's recognized text, or a menu click) is the customer speaking; a follow starts a conversation and the bot
/// greets. Nothing here decides what to answer.
/// </summary>
public sealed partial class WeChatTurns(WeChatConversations conversations, ConversationRuntime runtime, IConversationStore store,
    IOptions<WeChatOptions> options, ILogger<WeChatTurns> logger)
{
    public async Task<WeChatOutcome> RunAsync(WeChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case { MsgType: WeChatMessageTypes.Text, Content: { } content } when !string.IsNullOrWhiteSpace(content):
                return await SayAsync(message, content, cancellationToken);
            case { MsgType: WeChatMessageTypes.Voice, Recognition: { } recognized } when !string.IsNullOrWhiteSpace(recognized):
                return await SayAsync(message, recognized, cancellationToken);
            case { MsgType: WeChatMessageTypes.Event, Event: WeChatMessageTypes.Click, EventKey: { Length: > 0 } key }:
                return await SayAsync(message, options.Value.MenuKeys.GetValueOrDefault(key, key), cancellationToken);
            case { MsgType: WeChatMessageTypes.Event, Event: WeChatMessageTypes.Subscribe }:
                var (_, _, started) = await conversations.OpenAsync(message.FromUserName, fresh: true, cancellationToken);
                return new WeChatOutcome(Render(started!.Activities), TransferToWeChatDesk: false);
            case { MsgType: WeChatMessageTypes.Event, Event: WeChatMessageTypes.Unsubscribe }:
                // Nobody to answer: an unfollowed customer cannot be written to. The next follow starts a new conversation.
                LogUnfollowed(message.FromUserName);
                return WeChatOutcome.Nothing;
            default:
                LogNotHandled(message.MsgType, message.Event);
                return WeChatOutcome.Nothing;
        }
    }

    private async Task<WeChatOutcome> SayAsync(WeChatMessage message, string text, CancellationToken cancellationToken)
    {
        var (conversationId, customerId, _) = await conversations.OpenAsync(message.FromUserName, fresh: false, cancellationToken);
        text = text.Trim();
        if (WeChatOptionPicker.LooksLikeChoice(text))
        {
            text = WeChatOptionPicker.Pick(text, await store.ReadAsync(conversationId, 0, cancellationToken));
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = WeChatConversations.Channel,
            From = new ChannelAccount(customerId, Role: RoleTypes.User),
            Recipient = new ChannelAccount(message.ToUserName, Role: RoleTypes.Bot),
            Conversation = new ConversationAccount(conversationId),
            Text = text,
        };
        var turn = await runtime.ProcessAsync(conversationId, activity, message.DedupeKey, cancellationToken);
        if (turn.Replayed)
        {
            // A retry that outlived the in-memory window: the first delivery answered it already.
            return WeChatOutcome.Nothing;
        }

        var transfer = options.Value.AgentDeskMode == AgentDeskMode.WeChat && await HandedOffAsync(turn, cancellationToken);
        return new WeChatOutcome(Render(turn.Activities.Skip(1)), transfer);
    }

    /// <summary>Whether the turn asked for a human (the user's echo comes first; its id is its sequence number).</summary>
    private async Task<bool> HandedOffAsync(TurnResult turn, CancellationToken cancellationToken)
    {
        var userSeq = long.Parse(turn.Activities[0].Id!, CultureInfo.InvariantCulture);
        var events = await store.ReadAsync(turn.ConversationId, userSeq, cancellationToken);
        return events.TakeWhile(e => e.Seq <= turn.Watermark).Any(e => e.Event is HandoffRequested);
    }

    private IReadOnlyList<string> Render(IEnumerable<Activity> replies) => WeChatTextRenderer.Render(replies, options.Value.MaxTextBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat follower {OpenId} unfollowed")]
    private partial void LogUnfollowed(string openId);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat push {MsgType}/{Event} has nothing for the bot; acknowledged")]
    private partial void LogNotHandled(string msgType, string? @event);
}
