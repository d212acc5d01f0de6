using System.ComponentModel.DataAnnotations;
using Conversational.Knowledge.Embeddings.Onnx;
using Conversational.Knowledge.Embeddings.OpenAI;

namespace Conversational.Knowledge.Embeddings;

/// <summary>Which embedder turns knowledge and questions into vectors. Bound from <c>Knowledge:Embeddings</c>, validated at start.</summary>
public sealed class EmbeddingProviderOptions : IValidatableObject
{
    public const string SectionName = "Knowledge:Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    public OnnxEmbeddingOptions Onnx { get; set; } = new();

    public OpenAIEmbeddingOptions OpenAI { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var onnx = $"{SectionName}:{nameof(Onnx)}";
        var openAI = $"{SectionName}:{nameof(OpenAI)}";
        var results = Provider switch
        {
            EmbeddingProvider.Onnx => new[]
            {
                RequiredFile(Onnx.ModelPath, $"{onnx}:{nameof(Onnx.ModelPath)}", "the sentence encoder's .onnx file"),
                RequiredFile(Onnx.VocabularyPath, $"{onnx}:{nameof(Onnx.VocabularyPath)}", "the encoder's vocab.txt"),
                Onnx.MaxSequenceLength < 3 ? Error($"{onnx}:{nameof(Onnx.MaxSequenceLength)} must be at least 3.") : null,
                Onnx.BatchSize < 1 ? Error($"{onnx}:{nameof(Onnx.BatchSize)} must be positive.") : null,
            },
            EmbeddingProvider.OpenAI => new[]
            {
                OpenAI.Endpoint is not { IsAbsoluteUri: true }
                    ? Error($"{openAI}:{nameof(OpenAI.Endpoint)} is required: the API's base address, e.g. https://api.openai.com/v1.")
                    : null,
                string.IsNullOrWhiteSpace(OpenAI.Model) ? Error($"{openAI}:{nameof(OpenAI.Model)} is required, e.g. text-embedding-3-small.") : null,
                OpenAI.Dimensions <= 0 ? Error($"{openAI}:{nameof(OpenAI.Dimensions)} is required: the length of the model's vectors.") : null,
                OpenAI.Timeout <= TimeSpan.Zero ? Error($"{openAI}:{nameof(OpenAI.Timeout)} must be positive.") : null,
                OpenAI.MaxRetries < 0 ? Error($"{openAI}:{nameof(OpenAI.MaxRetries)} must not be negative.") : null,
            },
            _ => [],
        };
        return results.OfType<ValidationResult>();
    }

    private static ValidationResult? RequiredFile(string? path, string setting, string what) =>
        string.IsNullOrWhiteSpace(path) ? Error($"{setting} is required: {what}.")
        : !File.Exists(path) ? Error($"{setting}: {Path.GetFullPath(path)} does not exist ({what}).")
        : null;

    private static ValidationResult Error(string message) => new(message);
}

/// <summary>The embedders the knowledge base can use.</summary>
public enum EmbeddingProvider
{
    /// <summary>The built-in offline embedder: nothing to install or configure.</summary>
    Local,

    /// <summary>A sentence encoder in an ONNX file, run in process (<see cref="OnnxEmbeddingGenerator"/>).</summary>
    Onnx,

    /// <summary>An OpenAI-compatible embeddings endpoint (<see cref="OpenAIEmbeddings"/>).</summary>
    OpenAI,
}
