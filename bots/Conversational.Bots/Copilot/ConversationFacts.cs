using Conversational.Bots.Conversations;
using Conversational.Handoff.Copilot;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Escalation;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Copilot;

/// <summary>
/// What the copilot reads off a conversation's event log, and nothing else: the customer's last message and what the bot
/// made of it, the skill dialog the customer was in, the agent's messages, and the compliance signals the shelf obeys.
/// </summary>
/// <param name="LastCustomerText">The customer's last message, or null before they wrote.</param>
/// <param name="LastCustomerIntent">The intent the bot recognized for that message; null when it did not run (an agent
/// owns the chat), so the copilot asks the understanding itself.</param>
/// <param name="EarlierIntents">Every intent recognized in the conversation, newest first.</param>
/// <param name="Dialog">The skill dialog the customer was in: the one the latest handoff request carried, else the active one.</param>
/// <param name="AgentId">The agent who owns the chat now, or null.</param>
/// <param name="AgentMessages">Every agent message, oldest first: what ticks disclosures.</param>
/// <param name="ComplaintOpen">A complaint threat was flagged, or a message was a complaint, in this conversation.</param>
/// <param name="StrongNegativeEmotion">Abuse, or a strong churn threat, was flagged in this conversation.</param>
/// <param name="ProblemResolved">Since the agent took the chat, the customer said the problem is solved (好的谢谢, got it).</param>
public sealed record ConversationFacts(
    ConversationState State,
    long LastSeq,
    string? LastCustomerText,
    string? LastCustomerIntent,
    IReadOnlyList<string> EarlierIntents,
    DialogSnapshot? Dialog,
    string? AgentId,
    IReadOnlyList<AgentMessage> AgentMessages,
    bool ComplaintOpen,
    bool StrongNegativeEmotion,
    bool ProblemResolved)
{
    public static ConversationFacts Read(string conversationId, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = ConversationState.Replay(conversationId, events);
        var lastCustomer = events.LastOrDefault(e => e.Event is UserMessaged { Activity.Text: not null });
        var lastIntent = lastCustomer is null
            ? null
            : events.SkipWhile(e => e.Seq <= lastCustomer.Seq).Select(e => e.Event).OfType<IntentRecognized>().FirstOrDefault()?.Intent;
        var assigned = events.LastOrDefault(e => e.Event is AgentAssigned)?.Seq ?? long.MaxValue;
        var dialog = events.Select(e => e.Event).OfType<HandoffRequested>().LastOrDefault()?.Dialog ?? state.ActiveDialog;
        var flags = events.Select(e => e.Event).OfType<EmotionFlagged>().ToList();

        return new ConversationFacts(
            state,
            events.Count > 0 ? events[^1].Seq : 0,
            (lastCustomer?.Event as UserMessaged)?.Activity.Text,
            lastIntent,
            [.. events.Select(e => e.Event).OfType<IntentRecognized>().Select(i => i.Intent).Reverse()],
            dialog,
            state.Owner == ConversationOwner.Agent ? state.AgentId : null,
            [.. events.Where(e => e.Event is AgentReplied { Activity.Text: not null })
                .Select(e => new AgentMessage(e.Seq, ((AgentReplied)e.Event).Activity.Text!))],
            flags.Any(f => f.Kind == SignalKind.ComplaintThreat)
                || events.Any(e => e.Event is IntentRecognized { Intent: Intents.Complaint }),
            flags.Any(f => f.Kind == SignalKind.Abuse || (f.Kind == SignalKind.ChurnThreat && f.Level == SignalLevel.High)),
            events.Any(e => e.Seq > assigned && e.Event is UserMessaged { Activity.Text: { } text } && ResolutionCues.IsResolved(text)));
    }

    /// <summary>
    /// What the chat is about, as an intent: the skill the customer was in; else the newest intent that belongs to a business
    /// (a closing "thanks" or a 转人工 does not turn an installment chat into a general one); else null.
    /// </summary>
    public string? TopicIntent(string? currentIntent) =>
        Dialog?.Skill ?? new[] { currentIntent }.Concat(EarlierIntents)
            .FirstOrDefault(intent => intent is not null && CopilotBusinesses.ForIntent(intent) != CopilotBusinesses.General);

    /// <summary>The business (业务) the chat is about: that of <see cref="TopicIntent"/>, else general.</summary>
    public string Business(string? currentIntent) => CopilotBusinesses.ForIntent(TopicIntent(currentIntent));
}
