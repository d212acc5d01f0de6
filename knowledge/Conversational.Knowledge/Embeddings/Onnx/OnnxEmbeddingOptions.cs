namespace Conversational.Knowledge.Embeddings.Onnx;

/// <summary>
/// A BERT-family sentence encoder exported to ONNX (e.g. a multilingual MiniLM or bge-small-zh) and its WordPiece
/// vocabulary. Bound from <c>Knowledge:Embeddings:Onnx</c>; used when <c>Knowledge:Embeddings:Provider</c> is <c>Onnx</c>.
/// The files are the operator's to provide: nothing is downloaded.
/// </summary>
public sealed class OnnxEmbeddingOptions
{
    /// <summary>The <c>.onnx</c> file.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The model's <c>vocab.txt</c> (one WordPiece token a line, the line number is its id).</summary>
    public string? VocabularyPath { get; set; }

    /// <summary>Tokens per text at most, <c>[CLS]</c> and <c>[SEP]</c> included; longer texts are cut (most encoders know 512).</summary>
    public int MaxSequenceLength { get; set; } = 256;

    /// <summary>Texts per model run.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Lower-case before tokenizing, as uncased models (and most Chinese ones) expect.</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>
    /// The output to pool; empty: <c>last_hidden_state</c> if the model has it, else its first output. A rank-3 output
    /// (batch × tokens × hidden) is mean-pooled over the attention mask; a rank-2 one is taken as already pooled.
    /// </summary>
    public string? OutputName { get; set; }
}
