namespace Conversational.Bots.Policies;

/// <summary>
/// Why a handoff was requested, as recorded in <see cref="Conversations.HandoffRequested"/>: one constant per trigger
/// of the handoff issue, so agents, queues and reports can tell them apart.
/// </summary>
public static class HandoffReasons
{
    /// <summary>The customer asked for a person (转人工, 人工客服, 找真人, agent, human).</summary>
    public const string CustomerAsked = "customer_asked";

    /// <summary>The bot misunderstood the customer too many times in a row (反复未识别) and the customer took the offered person.</summary>
    public const string RepeatedMisunderstanding = "repeated_misunderstanding";

    /// <summary>Strong negative emotion (强烈负面情绪) or abuse in the customer's messages.</summary>
    public const string NegativeEmotion = "negative_emotion";

    /// <summary>The customer threatens a complaint, a regulator or the media (投诉升级).</summary>
    public const string ComplaintThreat = "complaint_threat";

    /// <summary>A skill locked itself for the conversation (three wrong one-time codes) and handed the customer to a person.</summary>
    public const string SkillLockout = Skills.Dialogs.SkillHandoffReasons.Lockout;

    /// <summary>A skill's business rule needs a person (业务规则), e.g. a case its policy does not decide.</summary>
    public const string SkillRule = "skill_rule";

    /// <summary>The routing rules' reception mode for this customer and intent is human-first or human-only (人工优先/仅人工).</summary>
    public const string ReceptionMode = "reception_mode";
}
