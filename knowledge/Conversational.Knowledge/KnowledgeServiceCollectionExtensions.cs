using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Knowledge.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Understanding (and, as it lands, the knowledge base).</summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IntentModelProvider>();
        builder.Services.AddHostedService<IntentModelWarmUp>();
        builder.Services.AddSingleton<IUnderstanding, ModelUnderstanding>();
        builder.Services.AddSingleton(new EntityExtractor());
        builder.Services.AddKnowledgeArticles();
        builder.Services.AddUnansweredQuestions();
        AddKnowledgeSearch(builder.Services);
        return builder;
    }

    // Hybrid search over knowledge chunks: options from Knowledge:Search, the local embedder unless another one is
    // registered, the in-process vector index of the configured kind kept in knowledge_vectors and loaded at start.
    private static void AddKnowledgeSearch(IServiceCollection services)
    {
        services.AddOptions<KnowledgeSearchOptions>()
            .BindConfiguration(KnowledgeSearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new HashingEmbedder(new HashingEmbedderOptions { Dimensions = sp.GetRequiredService<IOptions<KnowledgeSearchOptions>>().Value.Dimensions }));
        services.AddSchemaMigration(SqlVectorStore.Schema);
        services.AddSingleton<SqlVectorStore>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeSearchOptions>>().Value;
            var embedder = sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            IVectorIndex memory = options.IndexKind == VectorIndexKind.Approximate ? new InvertedFileVectorIndex() : new ExactVectorIndex();
            var model = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? embedder.GetType().Name;
            return new PersistentVectorIndex(memory, sp.GetRequiredService<SqlVectorStore>(), model);
        });
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<PersistentVectorIndex>());
        services.AddHostedService<VectorIndexLoader>();
        services.AddSingleton(sp => new HybridRetriever(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<IVectorIndex>(), sp.GetRequiredService<IOptions<KnowledgeSearchOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));

        // After the vector loader: the indexer replays the knowledge base into the retriever, then follows its changes.
        services.AddSingleton<EntryClassifierTrainer>();
        services.AddSingleton<KnowledgeIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeIndexer>());
        services.AddSingleton<KnowledgeAnswerer>();
    }
}
