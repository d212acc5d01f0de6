namespace Conversational.Skills.Dialogs;

/// <summary>
/// Something a skill did that the conversation's log must keep: the handoff package, quality inspection and the
/// outbound notifier read these. Each skill adds its own records here.
/// </summary>
public abstract record SkillFact;
