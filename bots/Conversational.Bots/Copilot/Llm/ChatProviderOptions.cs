using System.ComponentModel.DataAnnotations;
using Conversational.Knowledge.Embeddings.OpenAI;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// The optional language model (大模型) the agent copilot drafts replies and summaries with. Bound from <c>AI:Chat</c>,
/// validated at start with messages that name the setting. <see cref="ChatProvider.None"/>, the default, registers no
/// <c>IChatClient</c>: every copilot feature that needs no model still works.
/// </summary>
public sealed class ChatProviderOptions : IValidatableObject
{
    public const string SectionName = "AI:Chat";

    public ChatProvider Provider { get; set; } = ChatProvider.None;

    /// <summary>The API's base address including its version segment, e.g. <c>https://api.openai.com/v1</c> or a local vLLM/Ollama.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The chat model; it must support tool (function) calls, e.g. <c>gpt-4o-mini</c> or <c>qwen2.5-7b-instruct</c>.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Sent as <c>Authorization: Bearer</c>. Never commit it: set <c>AI__Chat__ApiKey</c> or
    /// <see cref="OpenAIEmbeddingOptions.ApiKeyVariable"/> in the environment. A local server without keys accepts any value.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request may take: an agent waits for the draft.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed with 408, 429 or 5xx (the client's exponential back-off).</summary>
    public int MaxRetries { get; set; } = 1;

    public string ResolveApiKey() =>
        !string.IsNullOrEmpty(ApiKey) ? ApiKey
        : Environment.GetEnvironmentVariable(OpenAIEmbeddingOptions.ApiKeyVariable) is { Length: > 0 } key ? key
        : "unused";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != ChatProvider.OpenAI)
        {
            yield break;
        }

        if (Endpoint is not { IsAbsoluteUri: true })
        {
            yield return new($"{SectionName}:{nameof(Endpoint)} is required when {SectionName}:{nameof(Provider)} is OpenAI: "
                + "the API's base address, e.g. https://api.openai.com/v1.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new($"{SectionName}:{nameof(Model)} is required when {SectionName}:{nameof(Provider)} is OpenAI: "
                + "a chat model that supports tool calls, e.g. gpt-4o-mini.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new($"{SectionName}:{nameof(Timeout)} must be positive.");
        }

        if (MaxRetries < 0)
        {
            yield return new($"{SectionName}:{nameof(MaxRetries)} must not be negative.");
        }
    }
}

/// <summary>Where the copilot's language model runs.</summary>
public enum ChatProvider
{
    /// <summary>No language model: the copilot's scripts, disclosures, offers and tickets work without one.</summary>
    None,

    /// <summary>An OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama…).</summary>
    OpenAI,
}
