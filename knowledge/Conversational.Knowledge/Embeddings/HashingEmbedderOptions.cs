namespace Conversational.Knowledge.Embeddings;

/// <summary>How <see cref="HashingEmbedder"/> weighs its features; defaults measured with <c>kb eval</c> (knowledge/README.md).</summary>
public sealed record HashingEmbedderOptions
{
    /// <summary>Length of the dense vector.</summary>
    public int Dimensions { get; init; } = 384;

    /// <summary>Weight of a whole (stemmed) word.</summary>
    public float WordWeight { get; init; } = 1f;

    /// <summary>Weight of two neighbouring words.</summary>
    public float WordPairWeight { get; init; } = 0.7f;

    /// <summary>Weight of a character n-gram inside a word (with its boundaries: " re", "fun", "nd ").</summary>
    public float CharGramWeight { get; init; } = 0.5f;

    /// <summary>Shortest and longest character n-gram inside words.</summary>
    public int CharGramMin { get; init; } = 3;

    public int CharGramMax { get; init; } = 4;

    /// <summary>Weight of a CJK character, a CJK pair and a CJK triple (Chinese words are mostly one to three characters).</summary>
    public float CjkUnigramWeight { get; init; } = 1f;

    public float CjkBigramWeight { get; init; } = 1f;

    public float CjkTrigramWeight { get; init; } = 0.7f;
}
