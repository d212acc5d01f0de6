using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Turns;

/// <summary>
/// One turn: the customer's activity, the conversation as it stood, and the events the turn will append.
/// Nothing reaches the store until the turn ends, so a failed turn leaves no half-written answer behind.
/// </summary>
public sealed class TurnContext(Activity activity, ConversationState state)
{
    private readonly List<ConversationEvent> _outbox = [];

    /// <summary>The incoming activity, with its server id and timestamp.</summary>
    public Activity Activity { get; } = activity;

    /// <summary>The conversation before this turn's own events.</summary>
    public ConversationState State { get; } = state;

    /// <summary>The language to answer in: the message's if it shows one, else the conversation's.</summary>
    public string Language { get; } = TextLanguage.Detect(activity.Text ?? "") ?? state.Locale;

    /// <summary>Set once the bot has understood the message.</summary>
    public Understanding? Understanding { get; set; }

    /// <summary>Set when the bot looked the message up in the knowledge base, before the policy decides.</summary>
    public KnowledgeLookup? Knowledge { get; set; }

    public IReadOnlyList<ConversationEvent> Outbox => _outbox;

    public bool HasReplied => _outbox.Any(e => e is BotReplied);

    public void Record(ConversationEvent @event) => _outbox.Add(@event);

    /// <summary>Answers the customer in this turn's language, optionally with quick replies.</summary>
    public void Reply(string text, IReadOnlyList<string>? quickReplies = null) => Record(new BotReplied(new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = State.Channel,
        From = new ChannelAccount("bot", "小C", RoleTypes.Bot),
        Recipient = new ChannelAccount(State.CustomerId, Role: RoleTypes.User),
        Conversation = new ConversationAccount(State.ConversationId),
        Text = text,
        Locale = Language,
        ReplyToId = Activity.Id,
        SuggestedActions = quickReplies is { Count: > 0 } ? new SuggestedActions([.. quickReplies.Select(CardAction.ImBack)]) : null,
    }));

    /// <summary>Drops everything the turn recorded so far (the error boundary does, before it apologises).</summary>
    public void DiscardOutbox() => _outbox.Clear();
}
