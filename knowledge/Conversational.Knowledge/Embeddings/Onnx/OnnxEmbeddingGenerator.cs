using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Conversational.Knowledge.Embeddings.Onnx;

/// <summary>
/// Sentence embeddings from a BERT-family encoder in an ONNX file (向量模型): texts are tokenized with the model's
/// WordPiece vocabulary (<see cref="BertTokenizer"/>, CJK characters one token each), cut to
/// <see cref="OnnxEmbeddingOptions.MaxSequenceLength"/> keeping <c>[CLS]</c> and <c>[SEP]</c>, run in batches padded to
/// their longest text, mean-pooled over the attention mask and L2-normalized, so cosine is a dot product.
/// </summary>
/// <remarks>
/// The model's inputs are read from its metadata, not assumed: it may take <c>input_ids</c> alone or with
/// <c>attention_mask</c> and <c>token_type_ids</c>, as 64- or 32-bit integers; any other input is an error at start.
/// Thread-safe: ONNX Runtime sessions may run concurrently and the tokenizer is immutable.
/// </remarks>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly OnnxEmbeddingOptions _options;
    private readonly Dictionary<string, TensorElementType> _inputs;
    private readonly string _output;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <exception cref="EmbeddingProviderException">A file is missing or the model's inputs and outputs are not an encoder's.</exception>
    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSequenceLength, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var modelPath = Existing(options.ModelPath, "Knowledge:Embeddings:Onnx:ModelPath", "model");
        var vocabularyPath = Existing(options.VocabularyPath, "Knowledge:Embeddings:Onnx:VocabularyPath", "vocabulary");
        _options = options;
        try
        {
            _tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = options.LowerCase });
        }
        catch (ArgumentException exception)
        {
            throw new EmbeddingProviderException($"The vocabulary {vocabularyPath} is not a BERT WordPiece vocab.txt: {exception.Message}", exception);
        }

        try
        {
            _session = new InferenceSession(modelPath);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new EmbeddingProviderException($"The ONNX model {modelPath} could not be loaded: {exception.Message}", exception);
        }

        _inputs = _session.InputMetadata.ToDictionary(input => input.Key, input => input.Value.ElementDataType, StringComparer.Ordinal);
        if (!_inputs.ContainsKey(InputIds) ||
            _inputs.FirstOrDefault(input => input.Key is not (InputIds or AttentionMask or TokenTypeIds) ||
                input.Value is not (TensorElementType.Int64 or TensorElementType.Int32)) is { Key: not null } odd)
        {
            _session.Dispose();
            throw new EmbeddingProviderException(
                $"The ONNX model {modelPath} takes inputs {string.Join(", ", _inputs.Select(input => $"{input.Key} ({input.Value})"))}; " +
                $"a sentence encoder takes {InputIds} and optionally {AttentionMask} and {TokenTypeIds}, as integers.");
        }

        _output = options.OutputName is { Length: > 0 } name ? name
            : _session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state"
            : _session.OutputMetadata.Keys.First();
        if (!_session.OutputMetadata.TryGetValue(_output, out var output) || output.Dimensions.Length is not (2 or 3))
        {
            _session.Dispose();
            throw new EmbeddingProviderException(
                $"The ONNX model {modelPath} has no output '{_output}' of rank 2 or 3 (outputs: {string.Join(", ", _session.OutputMetadata.Keys)}).");
        }

        var hidden = output.Dimensions[^1];
        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(Path.GetFullPath(modelPath)), Path.GetFileName(modelPath),
            hidden > 0 ? hidden : null);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var batch in texts.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.AddRange(Run(batch.Select(Tokenize).ToList()).Select(vector => new Embedding<float>(vector)
            {
                ModelId = _metadata.DefaultModelId,
                CreatedAt = DateTimeOffset.UtcNow,
            }));
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>[CLS] + the text's first tokens + [SEP], at most <see cref="OnnxEmbeddingOptions.MaxSequenceLength"/> in all.</summary>
    private int[] Tokenize(string text)
    {
        var tokens = _tokenizer.EncodeToIds(text ?? "", addSpecialTokens: false);
        var kept = Math.Min(tokens.Count, _options.MaxSequenceLength - 2);
        return [_tokenizer.ClassificationTokenId, .. tokens.Take(kept), _tokenizer.SeparatorTokenId];
    }

    private List<float[]> Run(List<int[]> batch)
    {
        var length = batch.Max(ids => ids.Length);
        var ids = new long[batch.Count * length];
        var mask = new long[batch.Count * length];
        for (var row = 0; row < batch.Count; row++)
        {
            Array.Fill(ids, _tokenizer.PaddingTokenId, row * length, length);
            for (var position = 0; position < batch[row].Length; position++)
            {
                ids[(row * length) + position] = batch[row][position];
                mask[(row * length) + position] = 1;
            }
        }

        long[] shape = [batch.Count, length];
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, type) in _inputs)
            {
                var data = name switch
                {
                    InputIds => ids,
                    AttentionMask => mask,
                    _ => new long[ids.Length], // token_type_ids: one segment
                };
                inputs[name] = type == TensorElementType.Int64
                    ? OrtValue.CreateTensorValueFromMemory(data, shape)
                    : OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, value => (int)value), shape);
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, inputs, [_output]);
            return Pool(outputs[0], mask, batch.Count, length);
        }
        finally
        {
            foreach (var value in inputs.Values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Mean over the real tokens (mask 1) of a batch × tokens × hidden output, or a batch × hidden one as is; then L2-normalized.</summary>
    private static List<float[]> Pool(OrtValue output, long[] mask, int rows, int length)
    {
        var shape = output.GetTensorTypeAndShape().Shape;
        var data = output.GetTensorDataAsSpan<float>();
        var hidden = (int)shape[^1];
        var vectors = new List<float[]>(rows);
        for (var row = 0; row < rows; row++)
        {
            var vector = new float[hidden];
            if (shape.Length == 2)
            {
                data.Slice(row * hidden, hidden).CopyTo(vector);
            }
            else
            {
                var tokens = 0;
                for (var position = 0; position < length; position++)
                {
                    if (mask[(row * length) + position] == 1)
                    {
                        TensorPrimitives.Add(vector, data.Slice(((row * length) + position) * hidden, hidden), vector);
                        tokens++;
                    }
                }

                TensorPrimitives.Divide(vector, Math.Max(tokens, 1), vector);
            }

            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            vectors.Add(vector);
        }

        return vectors;
    }

    private static string Existing(string? path, string setting, string what) =>
        string.IsNullOrWhiteSpace(path) ? throw new EmbeddingProviderException($"{setting} is required: the ONNX encoder's {what} file.")
        : !File.Exists(path) ? throw new EmbeddingProviderException($"{setting}: the {what} file {Path.GetFullPath(path)} does not exist.")
        : path;
}
