namespace Conversational.Knowledge.Understanding;

/// <summary>What the bot understood of one customer message.</summary>
/// <param name="Intent">One of <see cref="Intents"/>.</param>
/// <param name="Confidence">0..1; the policy clarifies or hands off below its thresholds.</param>
/// <param name="Language">The message's language, <c>zh-CN</c> or <c>en</c>, when the text says so; otherwise null.</param>
public sealed record Understanding(string Intent, double Confidence, string? Language);
