namespace Conversational.Bots.Copilot.Llm;

/// <summary>A text the language model drafted for the agent to edit before sending, and the calculators it called on the way.</summary>
/// <param name="ToolCalls">The names of the kernel functions the model called, in order (e.g. <c>installment_plan</c>).</param>
public sealed record CopilotDraft(string Text, IReadOnlyList<string> ToolCalls);
