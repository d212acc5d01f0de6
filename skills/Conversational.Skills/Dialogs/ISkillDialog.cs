namespace Conversational.Skills.Dialogs;

/// <summary>
/// A self-service skill as a dialog: the seam where the bot hands a message to a skill. Each implementation owns a
/// private Stateless machine and rebuilds it from a <see cref="DialogSnapshot"/> on every turn.
/// </summary>
public interface ISkillDialog
{
    /// <summary>The skill's name, also the intent that starts it (<see cref="Conversational.Knowledge.Understanding.Intents"/>).</summary>
    string Skill { get; }

    /// <summary>Intents that start this dialog when no dialog is active.</summary>
    IReadOnlyCollection<string> StartIntents { get; }

    Task<DialogOutcome> BeginAsync(SkillTurn turn, CancellationToken cancellationToken);

    Task<DialogOutcome> ContinueAsync(DialogSnapshot snapshot, SkillTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// The question the dialog is waiting on, asked again after a question in the middle or an agent's hand-back; null
    /// when the dialog is at rest (an answer given, follow-ups welcome), so a message it cannot use simply ends it.
    /// </summary>
    SkillReply? Prompt(DialogSnapshot snapshot, string language);

    /// <summary>The dialog's state machine as a Mermaid diagram, compared in tests with the committed one.</summary>
    string ToMermaid();
}
