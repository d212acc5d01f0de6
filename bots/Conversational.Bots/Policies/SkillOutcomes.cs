namespace Conversational.Bots.Policies;

/// <summary>How a skill dialog ended, as recorded in <see cref="Conversations.SkillEnded"/>.</summary>
public static class SkillOutcomes
{
    public const string Completed = "completed";

    /// <summary>The customer said 算了 / 取消 / cancel.</summary>
    public const string Cancelled = "cancelled";
}
