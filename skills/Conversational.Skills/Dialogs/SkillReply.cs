namespace Conversational.Skills.Dialogs;

/// <summary>One message from a skill to the customer, with quick replies to tap (numbered options on WeChat).</summary>
public sealed record SkillReply(string Text, IReadOnlyList<string>? QuickReplies = null);
