using System.Text.Json;

namespace Conversational.Skills.Dialogs;

/// <summary>
/// Where a skill dialog stands: its current step and the slots it has filled so far. This is all a dialog keeps
/// between turns, and it lives in the conversation's event log, so a dialog survives restarts, moves between hosts
/// and waits at its step while an agent has the conversation.
/// </summary>
/// <param name="Skill">The dialog's <see cref="ISkillDialog.Skill"/>.</param>
/// <param name="Step">The name of the dialog's state-machine state.</param>
/// <param name="Slots">The dialog's own slot record, as JSON.</param>
public sealed record DialogSnapshot(string Skill, string Step, JsonElement Slots);
