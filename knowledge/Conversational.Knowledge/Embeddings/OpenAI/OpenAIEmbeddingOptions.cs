namespace Conversational.Knowledge.Embeddings.OpenAI;

/// <summary>
/// An OpenAI-compatible embeddings endpoint (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama, text-embeddings-inference…).
/// Bound from <c>Knowledge:Embeddings:OpenAI</c>; used when <c>Knowledge:Embeddings:Provider</c> is <c>OpenAI</c>.
/// </summary>
public sealed class OpenAIEmbeddingOptions
{
    /// <summary>Read when <see cref="ApiKey"/> is not configured, so the key can live in the environment only.</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The API's base address including its version segment, e.g. <c>https://api.openai.com/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The embedding model, e.g. <c>text-embedding-3-small</c>.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The key sent as <c>Authorization: Bearer</c>. Never commit it: set <c>Knowledge__Embeddings__OpenAI__ApiKey</c> or
    /// <see cref="ApiKeyVariable"/> in the environment. A local server without keys accepts any value.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Length of the vectors the model returns (also asked of models that can shorten them); others are an error.</summary>
    public int Dimensions { get; set; }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed with 408, 429 or 5xx (the client's exponential back-off).</summary>
    public int MaxRetries { get; set; } = 2;

    public string ResolveApiKey() =>
        !string.IsNullOrEmpty(ApiKey) ? ApiKey : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : "unused";
}
