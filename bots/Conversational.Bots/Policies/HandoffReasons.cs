namespace Conversational.Bots.Policies;

/// <summary>Why a handoff was requested, as recorded in <see cref="Conversations.HandoffRequested"/>.</summary>
public static class HandoffReasons
{
    /// <summary>The customer asked for a person (转人工).</summary>
    public const string CustomerAsked = "customer_asked";

    /// <summary>A skill locked itself for the conversation (three wrong one-time codes) and handed the customer to a person.</summary>
    public const string SkillLockout = Skills.Dialogs.SkillHandoffReasons.Lockout;
}
