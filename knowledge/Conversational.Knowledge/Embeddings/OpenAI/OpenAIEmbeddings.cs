using Microsoft.Extensions.AI;

namespace Conversational.Knowledge.Embeddings.OpenAI;

/// <summary>Builds the embedding generator for an OpenAI-compatible endpoint (Microsoft.Extensions.AI.OpenAI), checked by <see cref="CheckedEmbeddingGenerator"/>.</summary>
public static class OpenAIEmbeddings
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(OpenAIEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException("An endpoint is required.", nameof(options));
        var model = options.Model ?? throw new ArgumentException("A model is required.", nameof(options));
        var client = OpenAICompatibleClient.Create(endpoint, options.ResolveApiKey(), options.Timeout, options.MaxRetries);
        var generator = client.GetEmbeddingClient(model).AsIEmbeddingGenerator(options.Dimensions);
        return new CheckedEmbeddingGenerator(generator, options.Dimensions, $"the embedding endpoint {endpoint} (model {model})");
    }
}
