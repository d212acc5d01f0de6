namespace Conversational.Bots.Copilot.Llm;

/// <summary>The language model failed or could not be reached; the message says how, without the prompt.</summary>
public sealed class CopilotModelException(string message, Exception innerException) : Exception(message, innerException);
