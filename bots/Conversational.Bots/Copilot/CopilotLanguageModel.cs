namespace Conversational.Bots.Copilot;

/// <summary>
/// Whether a language model can draft replies and summaries on the desk (<c>llmEnabled</c> in the copilot view); without one,
/// every other copilot feature works the same. Registered from the drafter's configuration.
/// </summary>
public sealed record CopilotLanguageModel(bool Enabled);
