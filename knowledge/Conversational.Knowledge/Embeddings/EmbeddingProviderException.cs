namespace Conversational.Knowledge.Embeddings;

/// <summary>An optional embedding provider (ONNX model, OpenAI-compatible endpoint) failed or answered out of contract.</summary>
public sealed class EmbeddingProviderException : Exception
{
    public EmbeddingProviderException(string message)
        : base(message)
    {
    }

    public EmbeddingProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
