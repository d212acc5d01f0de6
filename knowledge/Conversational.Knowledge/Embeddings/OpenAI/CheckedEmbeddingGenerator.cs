using System.ClientModel;
using Microsoft.Extensions.AI;

namespace Conversational.Knowledge.Embeddings.OpenAI;

/// <summary>
/// Guards a remote embedder: one embedding per input, each of the configured length, and a failure that names the
/// endpoint and what it answered (<see cref="EmbeddingProviderException"/>) instead of a client library's exception.
/// Vectors of the wrong length would otherwise poison the index, or fail far from their cause.
/// </summary>
public sealed class CheckedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int dimensions, string source)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyCollection<string> ?? [.. values];
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await base.GenerateAsync(inputs, options, cancellationToken);
        }
        catch (ClientResultException exception)
        {
            throw new EmbeddingProviderException($"{source} failed with status {exception.Status}: {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new EmbeddingProviderException($"{source} could not be reached: {exception.Message}", exception);
        }

        if (embeddings.Count != inputs.Count)
        {
            throw new EmbeddingProviderException($"{source} returned {embeddings.Count} embeddings for {inputs.Count} inputs.");
        }

        if (embeddings.FirstOrDefault(embedding => embedding.Vector.Length != dimensions) is { } wrong)
        {
            throw new EmbeddingProviderException(
                $"{source} returned vectors of {wrong.Vector.Length} dimensions; Knowledge:Embeddings expects {dimensions}.");
        }

        return embeddings;
    }
}
