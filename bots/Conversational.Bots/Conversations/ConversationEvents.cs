using System.Text.Json.Serialization;
using Conversational.Bots.Activities;
using Conversational.Knowledge.Understanding.Escalation;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Conversations;

/// <summary>
/// A fact about a conversation. A conversation is the append-only list of its events; everything else (transcript,
/// owner, counters) is derived from them by <see cref="ConversationState"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ConversationStarted), nameof(ConversationStarted))]
[JsonDerivedType(typeof(UserMessaged), nameof(UserMessaged))]
[JsonDerivedType(typeof(BotReplied), nameof(BotReplied))]
[JsonDerivedType(typeof(IntentRecognized), nameof(IntentRecognized))]
[JsonDerivedType(typeof(EmotionFlagged), nameof(EmotionFlagged))]
[JsonDerivedType(typeof(KnowledgeAnswered), nameof(KnowledgeAnswered))]
[JsonDerivedType(typeof(SkillStepped), nameof(SkillStepped))]
[JsonDerivedType(typeof(SkillEnded), nameof(SkillEnded))]
[JsonDerivedType(typeof(SkillFactRecorded), nameof(SkillFactRecorded))]
[JsonDerivedType(typeof(HandoffRequested), nameof(HandoffRequested))]
[JsonDerivedType(typeof(AgentAssigned), nameof(AgentAssigned))]
[JsonDerivedType(typeof(HandedBackToBot), nameof(HandedBackToBot))]
[JsonDerivedType(typeof(HandoffQueued), nameof(HandoffQueued))]
[JsonDerivedType(typeof(AgentReplied), nameof(AgentReplied))]
[JsonDerivedType(typeof(HandoffTransferred), nameof(HandoffTransferred))]
[JsonDerivedType(typeof(HandoffClosed), nameof(HandoffClosed))]
[JsonDerivedType(typeof(HandoffCancelled), nameof(HandoffCancelled))]
[JsonDerivedType(typeof(AgentRated), nameof(AgentRated))]
[JsonDerivedType(typeof(LeaveMessageAsked), nameof(LeaveMessageAsked))]
[JsonDerivedType(typeof(TurnFailed), nameof(TurnFailed))]
[JsonDerivedType(typeof(DialogReset), nameof(DialogReset))]
[JsonDerivedType(typeof(CustomerBehaviour), nameof(CustomerBehaviour))]
[JsonDerivedType(typeof(CopilotSuggestionUsed), nameof(CopilotSuggestionUsed))]
[JsonDerivedType(typeof(CopilotSuggestionDismissed), nameof(CopilotSuggestionDismissed))]
[JsonDerivedType(typeof(DisclosuresMissed), nameof(DisclosuresMissed))]
public abstract record ConversationEvent
{
    /// <summary>A channel's message id: the store keeps at most one event per conversation with the same key.</summary>
    [JsonIgnore]
    public virtual string? DedupeKey => null;
}

public sealed record ConversationStarted(string CustomerId, string Channel, string Locale) : ConversationEvent;

/// <summary>The customer said something. <paramref name="ChannelMessageId"/> de-duplicates channel retries.</summary>
public sealed record UserMessaged(Activity Activity, string? ChannelMessageId) : ConversationEvent
{
    public override string? DedupeKey => ChannelMessageId;
}

public sealed record BotReplied(Activity Activity) : ConversationEvent;

public sealed record IntentRecognized(string Intent, double Confidence) : ConversationEvent;

/// <summary>
/// The bot answered from knowledge entry <paramref name="EntryId"/> (cited by <paramref name="Title"/>), as sure as
/// <paramref name="Confidence"/> (0–1). The message was understood, whatever the intent model made of it.
/// </summary>
public sealed record KnowledgeAnswered(string EntryId, string Title, float Confidence) : ConversationEvent;

/// <summary>
/// The customer's message shows abuse (辱骂), a complaint threat (投诉/12315/监管), a churn threat (销户) or urgency, at a
/// level; handoff triggers, routing priority and quality inspection (质检) read these.
/// </summary>
public sealed record EmotionFlagged(SignalKind Kind, SignalLevel Level, string Cue) : ConversationEvent;

/// <summary>A skill dialog took the customer's message and now waits at <see cref="DialogSnapshot.Step"/>.</summary>
public sealed record SkillStepped(DialogSnapshot Dialog) : ConversationEvent;

/// <summary>A skill dialog finished: <see cref="Policies.SkillOutcomes"/> says how.</summary>
public sealed record SkillEnded(string Skill, string Outcome) : ConversationEvent;

/// <summary>Something a skill did that must be kept: disclosures shown, an installment applied, a return requested.</summary>
public sealed record SkillFactRecorded(SkillFact Fact) : ConversationEvent;

/// <summary>
/// 转人工: the bot decided a human should take over, and why. <paramref name="Dialog"/> is the skill dialog the
/// customer was in, with its slots, so the agent sees them and the bot resumes there after hand-back.
/// </summary>
public sealed record HandoffRequested(string Reason, DialogSnapshot? Dialog = null) : ConversationEvent;

/// <summary>An agent owns the conversation from here on; the bot stays silent.</summary>
public sealed record AgentAssigned(string AgentId) : ConversationEvent;

/// <summary>
/// The agent gave the conversation back. With <paramref name="ResumeStep"/> the bot continues the skill dialog the
/// customer was in at that step (e.g. the installment confirmation) instead of where it stopped.
/// </summary>
public sealed record HandedBackToBot(string AgentId, string? ResumeStep = null) : ConversationEvent;

/// <summary>排队: the conversation waits in <paramref name="SkillGroup"/>'s queue at <paramref name="Priority"/> (0–100).</summary>
public sealed record HandoffQueued(string SkillGroup, int Priority) : ConversationEvent;

/// <summary>The agent's message to the customer; its activity comes from the agent (role <c>agent</c>).</summary>
public sealed record AgentReplied(Activity Activity) : ConversationEvent;

/// <summary>
/// 转接: the agent passed the conversation on, to one agent or to a skill group, with a note for whoever takes it.
/// The conversation waits again until the next agent accepts.
/// </summary>
public sealed record HandoffTransferred(string FromAgentId, string? ToAgentId, string? ToSkillGroup, string? Note) : ConversationEvent;

/// <summary>The agent finished with a disposition code (处理结果); the bot takes over and asks for a rating.</summary>
public sealed record HandoffClosed(string AgentId, string Disposition) : ConversationEvent;

/// <summary>The customer stopped waiting: gave up, or left a message (留言) that became ticket <paramref name="TicketId"/>.</summary>
public sealed record HandoffCancelled(string Reason, string? TicketId = null) : ConversationEvent;

/// <summary>满意度 (CSAT): the customer rated the agent's service 1–5; assignment avoids an agent rated 1 or 2.</summary>
public sealed record AgentRated(string AgentId, int Score) : ConversationEvent;

/// <summary>
/// 留言: the bot asked the customer to leave a message (they stopped waiting, or nobody serves at this hour); their next
/// message becomes a ticket.
/// </summary>
public sealed record LeaveMessageAsked : ConversationEvent;

/// <summary>A turn threw; the customer got an apology instead of an answer.</summary>
public sealed record TurnFailed(string Error) : ConversationEvent;

/// <summary>The bot dropped whatever dialog it was in, so a failing step is not repeated forever.</summary>
public sealed record DialogReset(string Reason) : ConversationEvent;

/// <summary>
/// The customer did something in the merchant's app outside the chat (viewed the installment page), as the app's back
/// end reported it; the handoff package shows it on the timeline so the agent knows what the customer looked at.
/// </summary>
/// <param name="Action">A stable name for what happened, e.g. <c>viewed_page</c>.</param>
/// <param name="Label">What it happened to, as an agent reads it, e.g. <c>分期页面</c>.</param>
public sealed record CustomerBehaviour(string Action, string Label) : ConversationEvent;

/// <summary>
/// The agent took a copilot suggestion (a script or a knowledge answer) into their reply; <paramref name="Edited"/>: they
/// changed it before sending. For the copilot's usage analytics; the transcript and the owner do not change.
/// </summary>
/// <param name="Kind"><c>script</c> or <c>knowledge</c>.</param>
public sealed record CopilotSuggestionUsed(string SuggestionId, string Kind, string AgentId, bool Edited) : ConversationEvent;

/// <summary>The agent dismissed a copilot suggestion as unhelpful here.</summary>
/// <param name="Kind"><c>script</c> or <c>knowledge</c>.</param>
public sealed record CopilotSuggestionDismissed(string SuggestionId, string Kind, string AgentId) : ConversationEvent;

/// <summary>
/// The agent closed the chat knowingly without saying the mandatory disclosures (必须告知) listed, for quality inspection (质检).
/// </summary>
public sealed record DisclosuresMissed(string AgentId, IReadOnlyList<string> DisclosureIds) : ConversationEvent;
