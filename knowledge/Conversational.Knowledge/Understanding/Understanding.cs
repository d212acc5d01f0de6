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
}

/// <summary>One intent the model considered for a message, and its probability (0–1).</summary>
public sealed record IntentCandidate(string Intent, double Score);
