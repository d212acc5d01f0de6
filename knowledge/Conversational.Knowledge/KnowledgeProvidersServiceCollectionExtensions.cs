using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Embeddings.Onnx;
using Conversational.Knowledge.Embeddings.OpenAI;
using Conversational.Knowledge.Vectors;
using Conversational.Knowledge.Vectors.Qdrant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The optional providers of the knowledge base, chosen by configuration: an ONNX or OpenAI-compatible embedder instead
/// of the local one (<c>Knowledge:Embeddings:Provider</c>), and Qdrant instead of the in-process vector index
/// (<c>Knowledge:Vectors:Provider</c>). Call it after the defaults are registered: it replaces a default only when another
/// provider is configured, and leaves it alone otherwise. Settings are validated at start with messages that name them.
/// </summary>
public static class KnowledgeProvidersServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddKnowledgeProviders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEmbeddingProviders().AddVectorIndexProvider();
    }

    public static IHostApplicationBuilder AddEmbeddingProviders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EmbeddingProviderOptions>()
            .BindConfiguration(EmbeddingProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration.GetSection(EmbeddingProviderOptions.SectionName)
            .GetValue(nameof(EmbeddingProviderOptions.Provider), EmbeddingProvider.Local);
        Func<EmbeddingProviderOptions, IEmbeddingGenerator<string, Embedding<float>>>? create = provider switch
        {
            EmbeddingProvider.Onnx => options => new OnnxEmbeddingGenerator(options.Onnx),
            EmbeddingProvider.OpenAI => options => OpenAIEmbeddings.Create(options.OpenAI),
            _ => null,
        };
        if (create is not null)
        {
            builder.Services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
            builder.Services.AddSingleton(services => create(services.GetRequiredService<IOptions<EmbeddingProviderOptions>>().Value));
        }

        return builder;
    }

    public static IHostApplicationBuilder AddVectorIndexProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration.GetSection(VectorIndexProviderOptions.SectionName)
            .GetValue(nameof(VectorIndexProviderOptions.Provider), VectorIndexProvider.InProcess);
        if (provider != VectorIndexProvider.Qdrant)
        {
            return builder;
        }

        builder.Services.AddOptions<QdrantOptions>()
            .BindConfiguration(QdrantOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.RemoveAll<IVectorIndex>();
        builder.Services.AddSingleton<IVectorIndex>(services => new QdrantVectorIndex(
            // One client for the process; pooled connections are recycled so DNS changes are seen.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            services.GetRequiredService<IOptions<QdrantOptions>>(),
            services.GetRequiredService<ILogger<QdrantVectorIndex>>()));
        return builder;
    }
}
