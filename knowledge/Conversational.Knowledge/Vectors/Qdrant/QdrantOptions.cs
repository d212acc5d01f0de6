using System.ComponentModel.DataAnnotations;

namespace Conversational.Knowledge.Vectors.Qdrant;

/// <summary>
/// Where the Qdrant adapter keeps the knowledge vectors. Bound from <c>Knowledge:Qdrant</c>; used when
/// <c>Knowledge:Vectors:Provider</c> is <c>Qdrant</c>.
/// </summary>
public sealed class QdrantOptions : IValidatableObject
{
    public const string SectionName = "Knowledge:Qdrant";

    /// <summary>The REST address, e.g. <c>http://qdrant:6333</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The collection; created with <see cref="VectorSize"/> and cosine distance when missing.</summary>
    public string Collection { get; set; } = "knowledge";

    /// <summary>Length of the embeddings (the embedder's dimension); an existing collection of another size is an error.</summary>
    public int VectorSize { get; set; }

    /// <summary>Sent as the <c>api-key</c> header when set; keep it in the environment (<c>Knowledge__Qdrant__ApiKey</c>), not in files.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(BaseAddress)} must be an absolute address such as http://qdrant:6333.",
                [nameof(BaseAddress)]);
        }

        if (string.IsNullOrWhiteSpace(Collection) || Collection.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Collection)} must be letters, digits, '_' or '-'.", [nameof(Collection)]);
        }

        if (VectorSize <= 0)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(VectorSize)} must be the embeddings' length (positive).", [nameof(VectorSize)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Timeout)} must be positive.", [nameof(Timeout)]);
        }
    }
}
