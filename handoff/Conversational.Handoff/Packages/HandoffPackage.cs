using System.ComponentModel;
using System.Text.Json;

namespace Conversational.Handoff.Packages;

/// <summary>
/// 转人工交接包: everything an agent needs to take over a conversation without asking the customer again what they
/// already told the bot. Read off the conversation's event log when asked for, never stored, so it is always current.
/// Its JSON shape is versioned (<see cref="SchemaVersion"/>) and committed as <c>handoff-package.schema.json</c>.
/// </summary>
[Description("The context an agent receives when a conversation is handed to a person (转人工交接包).")]
public sealed record HandoffPackage(
    [property: Description("The version of this shape: a minor bump adds optional fields, a major bump changes or removes one.")]
    string SchemaVersion,
    [property: Description("The conversation handed over.")]
    string ConversationId,
    [property: Description("When this package was built (UTC).")]
    DateTimeOffset GeneratedAt,
    PackageCustomer Customer,
    [property: Description("The channel the customer writes on: app, wechat, …")]
    string Channel,
    [property: Description("The conversation's language: zh-CN or en.")]
    string Locale,
    PackageHandoff Handoff,
    [property: Description("Intents the bot recognized, in the order the customer's messages came.")]
    IReadOnlyList<PackageIntent> Intents,
    PackageSkill? Skill,
    [property: Description("Every message the customer, the bot and agents exchanged, oldest first; phone, ID and card numbers are masked.")]
    IReadOnlyList<PackageMessage> Transcript,
    [property: Description("Conversation events and the customer's app behaviour in time order; repeated behaviour is counted once.")]
    IReadOnlyList<PackageTimelineEntry> Timeline,
    [property: Description("Escalation signals (abuse, complaint or churn threat, urgency) in the order they were flagged.")]
    IReadOnlyList<PackageEmotion> Emotions,
    PackageSummary Summary)
{
    /// <summary>The version this code writes.</summary>
    public const string CurrentVersion = "1.0";
}

/// <summary>Who the customer is; the name keeps only the surname (王*), enough to address them.</summary>
[Description("The customer's profile as routing and the agent see it.")]
public sealed record PackageCustomer(
    string Id,
    [property: Description("The display name with all but its first character masked (王*).")]
    string Name,
    [property: Description("Segment: visitor, standard, gold, platinum, …")]
    string Tier,
    [property: Description("0 (none) to 10.")]
    int VipLevel,
    [property: Description("True when the VIP level is above 0.")]
    bool Vip,
    IReadOnlyList<string> Tags);

/// <summary>Why and since when the customer waits for a person.</summary>
[Description("The latest handoff request.")]
public sealed record PackageHandoff(
    [property: Description("Why: customer_asked, misunderstood, emotion, skill_lockout, …")]
    string Reason,
    DateTimeOffset RequestedAt,
    [property: Description("When an agent took the conversation after the request; absent while the customer still waits.")]
    DateTimeOffset? AssignedAt,
    [property: Description("Seconds from the request to the assignment, or to generatedAt while nobody has it yet.")]
    double WaitedSeconds);

[Description("An intent the bot recognized, with the model's confidence (0–1).")]
public sealed record PackageIntent(string Intent, double Confidence, DateTimeOffset At);

/// <summary>The self-service dialog the customer was in, as the bot resumes it after hand-back.</summary>
[Description("The skill dialog in progress when the handoff was requested.")]
public sealed record PackageSkill(
    [property: Description("The skill's name, e.g. bill_installment.")]
    string Skill,
    [property: Description("The dialog's step, e.g. AwaitingConfirmation.")]
    string Step,
    [property: Description("The slots filled so far, as the skill keeps them.")]
    JsonElement Slots);

[Description("One message of the transcript.")]
public sealed record PackageMessage(
    [property: Description("customer, bot or agent.")]
    string From,
    DateTimeOffset At,
    string Text);

[Description("One moment of the conversation or of the customer's use of the app.")]
public sealed record PackageTimelineEntry(
    DateTimeOffset At,
    [property: Description("conversation or app.")]
    string Source,
    [property: Description("The event: started, message, intent, skill_step, skill_ended, skill_fact, handoff_requested, emotion, queued, agent_assigned, transferred, handed_back, closed, cancelled, rated, or the app's own action name.")]
    string Kind,
    [property: Description("A short human-readable description.")]
    string Detail,
    [property: Description("How many times this app behaviour happened (1 for conversation events).")]
    int Count,
    [property: Description("The last time a repeated behaviour happened; absent when it happened once.")]
    DateTimeOffset? LastAt);

[Description("One escalation signal flagged on a customer message.")]
public sealed record PackageEmotion(
    DateTimeOffset At,
    [property: Description("Abuse, ComplaintThreat, ChurnThreat or Urgency.")]
    string Kind,
    [property: Description("Low, Medium or High.")]
    string Level,
    [property: Description("The words that raised it.")]
    string Cue);

/// <summary>A one-line summary from templates (no model), in both languages the desk speaks.</summary>
[Description("A short template summary of the handoff.")]
public sealed record PackageSummary(
    [property: Description("In Chinese (zh-CN).")]
    string ZhCn,
    [property: Description("In English (en).")]
    string En);
