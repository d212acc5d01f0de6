namespace Conversational.Knowledge.Vectors;

/// <summary>Where knowledge vectors are searched. Bound from <c>Knowledge:Vectors</c>.</summary>
public sealed class VectorIndexProviderOptions
{
    public const string SectionName = "Knowledge:Vectors";

    public VectorIndexProvider Provider { get; set; } = VectorIndexProvider.InProcess;
}

public enum VectorIndexProvider
{
    /// <summary>The in-process indexes, loaded from the database at start.</summary>
    InProcess,

    /// <summary>A Qdrant server (<see cref="Qdrant.QdrantVectorIndex"/>), configured under <c>Knowledge:Qdrant</c>.</summary>
    Qdrant,
}
