namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>A phrase (normalized: simplified, lower case) and what it signals.</summary>
/// <param name="Negatable">Whether 不/not before it cancels it: "不投诉" is no threat, but an insult stays an insult.</param>
/// <param name="NeverFirstInClause">
/// For phrases that open a polite reply: 不用了 answering "anything else?" declines help; 这卡我不用了 is churn.
/// </param>
internal sealed record EscalationCue(
    string Phrase, SignalKind Kind, SignalLevel Level, bool Negatable = true, bool NeverFirstInClause = false)
{
    /// <summary>Latin and digit phrases match whole words only (sue is not in issue); Chinese has no word boundaries.</summary>
    public bool IsWord { get; } = Phrase.All(char.IsAscii);
}
