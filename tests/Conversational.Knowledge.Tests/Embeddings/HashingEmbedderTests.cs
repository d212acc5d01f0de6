using System.Numerics.Tensors;
using Conversational.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Conversational.Knowledge.Tests.Embeddings;

public sealed class HashingEmbedderTests
{
    private readonly HashingEmbedder _embedder = new(new HashingEmbedderOptions());

    private float Cosine(string a, string b) => TensorPrimitives.Dot(_embedder.Embed(a), _embedder.Embed(b));

    [Fact]
    public async Task GenerateAsync_GivesOneUnitVectorOfTheConfiguredLengthPerText()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = new HashingEmbedder(new HashingEmbedderOptions { Dimensions = 128 });

        var embeddings = await generator.GenerateAsync(["How do I pay my bill?", "账单怎么还"]);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(128, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 4);
            Assert.Equal("hashing-ngram-v1-128", embedding.ModelId);
        });
    }

    [Fact]
    public void Embed_SameText_GivesTheSameVectorFromEveryInstance()
    {
        var other = new HashingEmbedder(new HashingEmbedderOptions());

        Assert.Equal(_embedder.Embed("信用卡提前还款手续费"), other.Embed("信用卡提前还款手续费"));
    }

    [Fact]
    public void Embed_Inflections_AreCloserThanAnUnrelatedQuestion()
    {
        var related = Cosine("my refund has not arrived", "refunds arriving late");
        var unrelated = Cosine("my refund has not arrived", "change the delivery address");

        Assert.True(related > unrelated + 0.2f, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_ChineseSharingAWord_IsCloserThanUnrelatedChinese()
    {
        var related = Cosine("账单分期手续费是多少", "分期的手续费怎么算");
        var unrelated = Cosine("账单分期手续费是多少", "快递几天能到");

        Assert.True(related > unrelated + 0.2f, $"related {related}, unrelated {unrelated}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?!*:()[]{}")]
    [InlineData("🎉🎉🎉")]
    public void Embed_TextWithoutWords_IsTheZeroVector(string text)
    {
        Assert.All(_embedder.Embed(text), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void FitTo_WeighsFeaturesOfFewEntriesAboveFeaturesAllEntriesShare()
    {
        var fitted = _embedder.FitTo([("how do I pay my bill", "bill"), ("how do I return my order", "return"), ("how do I top up", "top-up")]);

        var query = fitted.Embed("how do I pay");
        var pay = TensorPrimitives.Dot(query, fitted.Embed("pay"));
        var how = TensorPrimitives.Dot(query, fitted.Embed("how do I"));

        Assert.True(pay > how, $"pay {pay}, how do I {how}");
        Assert.NotEqual(_embedder.ModelId, fitted.ModelId);
        Assert.StartsWith(_embedder.ModelId + "+", fitted.ModelId, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_ReturnsMetadataWithModelAndDimensions()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = _embedder;

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("hashing-ngram-v1-384", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }
}
