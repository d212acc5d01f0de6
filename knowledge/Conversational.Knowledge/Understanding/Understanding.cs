namespace Conversational.Knowledge.Understanding;

/// <summary>What the bot understood of one customer message.</summary>
/// <param name="Intent">One of <see cref="Intents"/>; <see cref="Intents.OutOfScope"/> when the model is not sure enough.</param>
/// <param name="Confidence">0..1: the model's probability for <paramref name="Intent"/>.</param>
/// <param name="Language">The message's language, <c>zh-CN</c> or <c>en</c>, when the text says so; otherwise null.</param>
public sealed record Understanding(string Intent, double Confidence, string? Language)
{
    /// <summary>
    /// The in-scope intents the model considered, most likely first, with their probabilities; when
    /// <see cref="Intent"/> is out of scope for lack of confidence, these are what the bot can ask the customer to
    /// choose from (clarify with the top two).
    /// </summary>
    public IReadOnlyList<IntentCandidate> Candidates { get; init; } = [];

    /// <summary>
    /// This understanding as a skill dialog in progress is told it: FAQ topics, small talk and complaints are out of
    /// scope to a dialog, as they were before they were intents, so the dialog reads an answer to its step in them (a
    /// size or an item's name the model took for a question) or answers its own questions (运费谁出); the bot answers
    /// the message if the dialog does not. Every other intent (a person, another skill, thanks) stays.
    /// </summary>
    public Understanding InDialog() =>
        Intents.IsFaq(Intent) || Intent is Intents.ChitChat or Intents.Complaint ? this with { Intent = Intents.OutOfScope } : this;
}

/// <summary>One intent the model considered for a message, and its probability (0–1).</summary>
public sealed record IntentCandidate(string Intent, double Score);
