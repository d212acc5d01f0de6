using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Embeddings.Onnx;
using Microsoft.Extensions.AI;

namespace Conversational.Knowledge.Tests.Embeddings.Onnx;

/// <summary>
/// The ONNX encoder on a tiny model the test writes (<see cref="TinyOnnxModel"/>) whose output is a table lookup, so the
/// expected vector — the normalized mean of the looked-up rows of [CLS], the tokens and [SEP] — is computed here
/// independently of the embedder.
/// </summary>
public sealed class OnnxEmbeddingGeneratorTests : IDisposable
{
    // Token ids are line numbers.
    private static readonly string[] Vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "退", "货", "how"];

    private const int Cls = 2, Sep = 3, Hello = 5, World = 6, Tui = 7, Huo = 8;

    // Row 0 ([PAD]) is huge: a padded position that leaks into the mean shows at once.
    private static readonly float[][] Tokens = [.. Enumerable.Range(0, Vocabulary.Length)
        .Select(i => i == 0 ? new float[] { 100, 100, 100, 100 } : [i, (i * i) % 7, 1, -(i % 3)])];

    private static readonly float[][] Types = [[0.5f, 0, 0, 0], [9, 9, 9, 9]];

    private readonly string _directory = Directory.CreateTempSubdirectory("onnx-embedder-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private OnnxEmbeddingGenerator Embedder(byte[] model, int maxSequenceLength = 16, int batchSize = 8)
    {
        var modelPath = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".onnx");
        var vocabularyPath = Path.Combine(_directory, "vocab.txt");
        File.WriteAllBytes(modelPath, model);
        File.WriteAllLines(vocabularyPath, Vocabulary);
        return new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions
        {
            ModelPath = modelPath, VocabularyPath = vocabularyPath, MaxSequenceLength = maxSequenceLength, BatchSize = batchSize,
        });
    }

    private static byte[] FullModel() => TinyOnnxModel.Write(Tokens, Types, withMask: true);

    /// <summary>The normalized mean of the ids' rows (plus type row 0 when the model has token types).</summary>
    private static float[] Expected(bool withTypes, params int[] ids)
    {
        var mean = new float[4];
        foreach (var id in ids)
        {
            for (var k = 0; k < 4; k++)
            {
                mean[k] += (Tokens[id][k] + (withTypes ? Types[0][k] : 0)) / ids.Length;
            }
        }

        var norm = MathF.Sqrt(mean.Sum(value => value * value));
        return [.. mean.Select(value => value / norm)];
    }

    private static void AssertClose(float[] expected, ReadOnlyMemory<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], actual.Span[k], 5);
        }
    }

    [Fact]
    public async Task Embed_OneText_IsTheNormalizedMeanOfClsTokensAndSep()
    {
        using var embedder = Embedder(FullModel());

        var embedding = await embedder.GenerateAsync(["Hello world"]);

        AssertClose(Expected(true, Cls, Hello, World, Sep), embedding[0].Vector);
    }

    [Fact]
    public async Task Embed_ChineseText_TokenizesEachCharacter()
    {
        using var embedder = Embedder(FullModel());

        var embedding = await embedder.GenerateAsync(["退货"]);

        AssertClose(Expected(true, Cls, Tui, Huo, Sep), embedding[0].Vector);
    }

    [Fact]
    public async Task Embed_BatchOfUnequalLengths_PaddingDoesNotChangeAnyText()
    {
        using var embedder = Embedder(FullModel(), batchSize: 2);

        var embeddings = await embedder.GenerateAsync(["hello", "hello world 退货", "world", "退", "hello hello hello"]);

        Assert.Equal(5, embeddings.Count);
        AssertClose(Expected(true, Cls, Hello, Sep), embeddings[0].Vector);
        AssertClose(Expected(true, Cls, Hello, World, Tui, Huo, Sep), embeddings[1].Vector);
        AssertClose(Expected(true, Cls, World, Sep), embeddings[2].Vector);
        AssertClose(Expected(true, Cls, Tui, Sep), embeddings[3].Vector);
        AssertClose(Expected(true, Cls, Hello, Hello, Hello, Sep), embeddings[4].Vector);
    }

    [Fact]
    public async Task Embed_TextLongerThanMaxSequenceLength_KeepsItsFirstTokensBetweenClsAndSep()
    {
        using var embedder = Embedder(FullModel(), maxSequenceLength: 4);

        var embedding = await embedder.GenerateAsync(["hello world 退货 hello"]);

        AssertClose(Expected(true, Cls, Hello, World, Sep), embedding[0].Vector);
    }

    [Fact]
    public async Task Embed_ModelTakingOnlyInt32InputIds_FeedsWhatItsMetadataDeclares()
    {
        using var embedder = Embedder(TinyOnnxModel.Write(Tokens, types: null, withMask: false, idType: TinyOnnxModel.Int32), batchSize: 4);

        var embeddings = await embedder.GenerateAsync(["hello world", "hello"]);

        // Without an attention mask input the model still sees padding, but the pooling must not.
        AssertClose(Expected(false, Cls, Hello, World, Sep), embeddings[0].Vector);
        AssertClose(Expected(false, Cls, Hello, Sep), embeddings[1].Vector);
    }

    [Fact]
    public async Task Embed_ConcurrentCalls_EachGetTheirOwnResult()
    {
        using var embedder = Embedder(FullModel());
        string[] texts = ["hello", "world", "退货", "hello world"];

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => embedder.GenerateAsync([texts[i % 4]]))));

        for (var i = 0; i < results.Length; i++)
        {
            var single = await embedder.GenerateAsync([texts[i % 4]]);
            AssertClose(single[0].Vector.ToArray(), results[i][0].Vector);
        }
    }

    [Fact]
    public void Metadata_GivesTheProviderAndDimension()
    {
        using var embedder = Embedder(FullModel());

        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("onnx", metadata?.ProviderName);
        Assert.Equal(4, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public void MissingModelFile_IsAClearErrorNamingTheSetting()
    {
        var error = Assert.Throws<EmbeddingProviderException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions
        {
            ModelPath = Path.Combine(_directory, "missing.onnx"), VocabularyPath = Path.Combine(_directory, "vocab.txt"),
        }));

        Assert.Contains("Knowledge:Embeddings:Onnx:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VocabularyWithoutBertsSpecialTokens_IsAClearError()
    {
        var vocabularyPath = Path.Combine(_directory, "words.txt");
        var modelPath = Path.Combine(_directory, "model.onnx");
        File.WriteAllLines(vocabularyPath, ["hello", "world"]);
        File.WriteAllBytes(modelPath, FullModel());

        var error = Assert.Throws<EmbeddingProviderException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions
        {
            ModelPath = modelPath, VocabularyPath = vocabularyPath,
        }));

        Assert.Contains("not a BERT WordPiece vocab.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotAModel_IsAClearError()
    {
        var error = Assert.Throws<EmbeddingProviderException>(() => Embedder("not a model"u8.ToArray()));

        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
    }
}
