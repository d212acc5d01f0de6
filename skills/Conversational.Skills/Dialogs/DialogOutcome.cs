namespace Conversational.Skills.Dialogs;

/// <summary>What a dialog did with one customer message.</summary>
public sealed record DialogOutcome
{
    public IReadOnlyList<SkillReply> Replies { get; init; } = [];

    /// <summary>Where the dialog now stands; null when it has finished.</summary>
    public DialogSnapshot? Next { get; init; }

    /// <summary>Facts worth keeping in the conversation's log (disclosures shown, an application made).</summary>
    public IReadOnlyList<SkillFact> Facts { get; init; } = [];

    /// <summary>Set when a person should take over; <see cref="Next"/> stays, so the bot resumes there after hand-back.</summary>
    public string? HandoffReason { get; init; }

    /// <summary>
    /// False when the message was no answer to the step (the dialog left its state as it was), so the bot can treat
    /// it as a question in the middle, answer it, and ask the step again.
    /// </summary>
    public bool Understood { get; init; } = true;
}
