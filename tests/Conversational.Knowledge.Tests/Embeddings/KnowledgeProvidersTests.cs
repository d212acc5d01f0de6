using Conversational.Knowledge.Embeddings.Onnx;
using Conversational.Knowledge.Embeddings.OpenAI;
using Conversational.Knowledge.Tests.Embeddings.Onnx;
using Conversational.Knowledge.Vectors;
using Conversational.Knowledge.Vectors.Qdrant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Tests.Embeddings;

/// <summary>
/// <c>AddKnowledgeProviders</c>: configuration picks the embedder and the vector index, a default stays when nothing else
/// is configured, and a missing setting stops the start with a message that names it.
/// </summary>
public sealed class KnowledgeProvidersTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("knowledge-providers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A host with a stand-in "local" embedder and index registered first, as the knowledge base's defaults are.</summary>
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, LocalStandIn>();
        builder.Services.AddSingleton<IVectorIndex, LocalIndexStandIn>();
        builder.AddKnowledgeProviders();
        return builder.Build();
    }

    [Fact]
    public async Task NothingConfigured_KeepsTheDefaultEmbedderAndIndex()
    {
        using var host = Build([]);
        await host.StartAsync();

        Assert.IsType<LocalStandIn>(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.IsType<LocalIndexStandIn>(host.Services.GetRequiredService<IVectorIndex>());
        await host.StopAsync();
    }

    [Fact]
    public async Task OpenAIConfigured_ReplacesTheEmbedderWithTheCheckedEndpointClient()
    {
        using var host = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "OpenAI",
            ["Knowledge:Embeddings:OpenAI:Endpoint"] = "http://127.0.0.1:1/v1",
            ["Knowledge:Embeddings:OpenAI:Model"] = "text-embedding-3-small",
            ["Knowledge:Embeddings:OpenAI:Dimensions"] = "1536",
        });
        await host.StartAsync();

        Assert.IsType<CheckedEmbeddingGenerator>(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        await host.StopAsync();
    }

    [Fact]
    public async Task OnnxConfigured_ReplacesTheEmbedderWithTheOnnxEncoder()
    {
        var model = Path.Combine(_directory, "model.onnx");
        var vocabulary = Path.Combine(_directory, "vocab.txt");
        await File.WriteAllBytesAsync(model, TinyOnnxModel.Write([[1, 0], [0, 1], [1, 1], [2, 1], [1, 2]], types: null, withMask: true));
        await File.WriteAllLinesAsync(vocabulary, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]);
        using var host = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "Onnx",
            ["Knowledge:Embeddings:Onnx:ModelPath"] = model,
            ["Knowledge:Embeddings:Onnx:VocabularyPath"] = vocabulary,
        });
        await host.StartAsync();

        using var embedder = Assert.IsType<OnnxEmbeddingGenerator>(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        await host.StopAsync();
    }

    [Fact]
    public async Task OnnxWithoutItsFiles_FailsAtStartNamingBothSettings()
    {
        using var host = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "Onnx",
            ["Knowledge:Embeddings:Onnx:ModelPath"] = Path.Combine(_directory, "missing.onnx"),
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Knowledge:Embeddings:Onnx:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.onnx does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:Onnx:VocabularyPath is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAIWithoutEndpointOrModel_FailsAtStartNamingThem()
    {
        using var host = Build(new() { ["Knowledge:Embeddings:Provider"] = "OpenAI" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Knowledge:Embeddings:OpenAI:Endpoint is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:OpenAI:Model is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:OpenAI:Dimensions is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QdrantConfigured_ReplacesTheVectorIndex()
    {
        using var host = Build(new()
        {
            ["Knowledge:Vectors:Provider"] = "Qdrant",
            ["Knowledge:Qdrant:BaseAddress"] = "http://127.0.0.1:6333",
            ["Knowledge:Qdrant:VectorSize"] = "384",
        });
        await host.StartAsync();

        Assert.IsType<QdrantVectorIndex>(host.Services.GetRequiredService<IVectorIndex>());
        await host.StopAsync();
    }

    [Fact]
    public async Task QdrantWithoutAddress_FailsAtStartNamingIt()
    {
        using var host = Build(new() { ["Knowledge:Vectors:Provider"] = "Qdrant" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Knowledge:Qdrant:BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Qdrant:VectorSize", error.Message, StringComparison.Ordinal);
    }

    private sealed class LocalStandIn : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[] { 1 }))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class LocalIndexStandIn : IVectorIndex
    {
        public Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<VectorMatch>> SearchAsync(
            ReadOnlyMemory<float> query, int limit, VectorFilter? filter, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<VectorMatch>>([]);
    }
}
