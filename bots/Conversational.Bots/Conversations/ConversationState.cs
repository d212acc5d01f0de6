using Conversational.Knowledge.Understanding;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Conversations;

/// <summary>Who answers the customer right now.</summary>
public enum ConversationOwner
{
    Bot,

    /// <summary>Handed off and queued: no agent has accepted yet.</summary>
    Waiting,
    Agent,
}

/// <summary>
/// What the bot needs to know about a conversation, derived from its events and nothing else, so that it can be
/// rebuilt at any time by replaying the log.
/// </summary>
public sealed record ConversationState
{
    public required string ConversationId { get; init; }

    /// <summary>The sequence number of the last event applied.</summary>
    public long Version { get; init; }

    public string CustomerId { get; init; } = "";

    public string Channel { get; init; } = "";

    public string Locale { get; init; } = TextLanguage.Chinese;

    public ConversationOwner Owner { get; init; } = ConversationOwner.Bot;

    public string? AgentId { get; init; }

    /// <summary>Turns in a row that ended in an error; the error boundary resets the dialog when it repeats.</summary>
    public int ConsecutiveFailedTurns { get; init; }

    /// <summary>Customer messages in a row the bot did not understand.</summary>
    public int ConsecutiveMisunderstandings { get; init; }

    /// <summary>Messages the customer has sent; the reception mode is read at the first.</summary>
    public int CustomerMessages { get; init; }

    /// <summary>The bot asked for a message to leave (留言); the customer's next message becomes a ticket.</summary>
    public bool AwaitingLeftMessage { get; init; }

    /// <summary>The agent whose closed chat the bot asked the customer to rate (满意度); null once rated or moved on.</summary>
    public string? RatingAgentId { get; init; }

    /// <summary>The skill dialog in progress and its step; kept through a handoff so the bot resumes there.</summary>
    public DialogSnapshot? ActiveDialog { get; init; }

    /// <summary>What skills recorded in this conversation, oldest first; few per conversation.</summary>
    public IReadOnlyList<SkillFact> SkillFacts { get; init; } = [];

    public static ConversationState Replay(string conversationId, IEnumerable<StoredEvent> events) =>
        events.Aggregate(new ConversationState { ConversationId = conversationId }, (state, e) => state.Apply(e));

    public ConversationState Apply(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var next = this with { Version = stored.Seq };
        return stored.Event switch
        {
            ConversationStarted started => next with { CustomerId = started.CustomerId, Channel = started.Channel, Locale = started.Locale },
            UserMessaged => next with { CustomerMessages = CustomerMessages + 1 },
            // A failed turn's events are discarded, so an IntentRecognized marks a turn the bot completed.
            // A message the bot took for something else than a rating: the customer moved on.
            IntentRecognized { Intent: Intents.OutOfScope } => next with
            {
                ConsecutiveMisunderstandings = ConsecutiveMisunderstandings + 1,
                ConsecutiveFailedTurns = 0,
                RatingAgentId = null,
            },
            IntentRecognized => next with { ConsecutiveMisunderstandings = 0, ConsecutiveFailedTurns = 0, RatingAgentId = null },
            // Follows the turn's IntentRecognized: an out-of-scope message the knowledge answered was no miss.
            KnowledgeAnswered => next with { ConsecutiveMisunderstandings = 0 },
            // A step the dialog took means the message was understood, whatever the intent model made of "12" or "XL".
            SkillStepped stepped => next with { ActiveDialog = stepped.Dialog, ConsecutiveMisunderstandings = 0 },
            SkillEnded => next with { ActiveDialog = null, ConsecutiveMisunderstandings = 0 },
            SkillFactRecorded recorded => next with { SkillFacts = [.. SkillFacts, recorded.Fact] },
            AgentAssigned assigned => next with { Owner = ConversationOwner.Agent, AgentId = assigned.AgentId, AwaitingLeftMessage = false },
            HandoffQueued or HandoffTransferred => next with { Owner = ConversationOwner.Waiting, AgentId = null },
            HandedBackToBot => next with { Owner = ConversationOwner.Bot, AgentId = null, ConsecutiveMisunderstandings = 0 },
            HandoffCancelled => next with
            {
                Owner = ConversationOwner.Bot,
                AgentId = null,
                ConsecutiveMisunderstandings = 0,
                AwaitingLeftMessage = false,
            },
            LeaveMessageAsked => next with { AwaitingLeftMessage = true },
            // The agent resolved what the customer came for, so the bot does not pick the old dialog up again.
            HandoffClosed closed => next with
            {
                Owner = ConversationOwner.Bot,
                AgentId = null,
                ConsecutiveMisunderstandings = 0,
                ActiveDialog = null,
                RatingAgentId = closed.AgentId,
            },
            AgentRated => next with { RatingAgentId = null },
            TurnFailed => next with { ConsecutiveFailedTurns = ConsecutiveFailedTurns + 1 },
            DialogReset => next with { ConsecutiveFailedTurns = 0, ConsecutiveMisunderstandings = 0, ActiveDialog = null },
            _ => next,
        };
    }
}
