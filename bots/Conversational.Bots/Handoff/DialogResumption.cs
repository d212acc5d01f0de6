using Conversational.Bots.Conversations;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Handoff;

/// <summary>
/// Where the bot picks a skill dialog up when an agent hands the customer back (交回机器人). An agent may name a step the
/// dialog has already stood at in its current run (e.g. back to the installment confirmation); the dialog resumes there
/// with the slots it had then, which its prompt for that step was written for. A step it never reached cannot be
/// resumed (its slots would be missing), so the bot then carries on where the dialog stopped.
/// </summary>
public static class DialogResumption
{
    /// <summary>The steps the active dialog has stood at since it began, first visit first; empty without one.</summary>
    public static IReadOnlyList<string> Steps(IEnumerable<StoredEvent> events) =>
        [.. CurrentRun(events).Select(snapshot => snapshot.Step).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The snapshot to resume: the latest one at <paramref name="step"/> in the dialog's current run, or
    /// <paramref name="active"/> when no step is named or the dialog never stood at it.
    /// </summary>
    public static DialogSnapshot At(IEnumerable<StoredEvent> events, DialogSnapshot active, string? step)
    {
        ArgumentNullException.ThrowIfNull(active);
        return step is null || step == active.Step
            ? active
            : CurrentRun(events).LastOrDefault(snapshot => snapshot.Skill == active.Skill && snapshot.Step == step) ?? active;
    }

    /// <summary>The snapshots the dialog active at the end of the log went through, oldest first.</summary>
    private static List<DialogSnapshot> CurrentRun(IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var run = new List<DialogSnapshot>();
        foreach (var stored in events)
        {
            switch (stored.Event)
            {
                case SkillStepped stepped:
                    if (run.Count > 0 && run[^1].Skill != stepped.Dialog.Skill)
                    {
                        run.Clear();
                    }

                    run.Add(stepped.Dialog);
                    break;
                // Whatever ends a dialog ends its run: the next SkillStepped begins a new one.
                case SkillEnded or DialogReset or HandoffClosed:
                    run.Clear();
                    break;
            }
        }

        return run;
    }
}
