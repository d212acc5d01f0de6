namespace Conversational.Skills.Dialogs;

/// <summary>Why a skill dialog asked for a person (<see cref="DialogOutcome.HandoffReason"/>).</summary>
public static class SkillHandoffReasons
{
    /// <summary>A safeguard locked the skill for this conversation (three wrong one-time codes).</summary>
    public const string Lockout = "skill_lockout";
}
