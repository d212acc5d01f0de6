namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// How <see cref="IntentModel.Train"/> builds a model; defaults chosen by measuring <c>nlu eval</c> and <c>nlu cv</c> on
/// public sets (knowledge/README.md, "Measured").
/// </summary>
public sealed record IntentModelOptions
{
    /// <summary>Seed of the ML.NET context and of held-out splits: the same data and options give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Word n-grams of length 1 up to this (over Chinese, whose characters are its tokens, character n-grams).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>
    /// Shortest character n-gram; grams shorter than 3 count only when made of Han or kana (see
    /// <see cref="TextFeaturizer"/>), so for English the character n-grams are 3-grams.
    /// </summary>
    public int CharNgramMin { get; init; } = 1;

    /// <summary>Longest character n-gram: 3 did as well as 4 or 5 on SMP2017 and BANKING77, with a smaller, faster model.</summary>
    public int CharNgramMax { get; init; } = 3;

    /// <summary>Share of each vector's weight on its word n-grams; the character n-grams have the rest.</summary>
    public float WordWeight { get; init; } = 0.5f;

    /// <summary>
    /// N-grams found in fewer training texts than this are not features: one seen once cannot generalize, and dropping
    /// them made SMP2017 better and every set faster.
    /// </summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>
    /// At most this many features (the most frequent n-grams): bounds the model's memory, features × labels floats
    /// (CLINC150: about 11,000 features and 151 labels, under 7 MB).
    /// </summary>
    public int MaxFeatures { get; init; } = 200_000;

    /// <summary>L2 penalty of the maximum-entropy trainer (L1 is 0). Small: the features are L2-normalized.</summary>
    public float L2Regularization { get; init; } = 0.01f;

    /// <summary>How much a label's best similarity to one of its training examples adds to its score (logit); 0: none.</summary>
    public float NeighbourWeight { get; init; } = 4f;

    /// <summary>
    /// How much the one-vs-rest SVMs' margins (<see cref="MarginModel"/>) add to each label's score (logit); 0: no SVMs.
    /// 1 against 0, measured: CLINC150 in-scope 0.9207 against 0.919 at OOS recall 0.71 against 0.73; 3 moved more
    /// in-scope accuracy (0.9233) but cost OOS recall (0.65).
    /// </summary>
    public float MarginWeight { get; init; } = 1f;

    /// <summary>The SVMs' penalty C of a margin violation (must be positive).</summary>
    public float MarginCost { get; init; } = 1f;

    /// <summary>The label <see cref="IntentModel.Predict"/> answers when the top score is below the threshold.</summary>
    public string OutOfScopeLabel { get; init; } = Understanding.Intents.OutOfScope;

    /// <summary>Top scores below this become <see cref="OutOfScopeLabel"/>; null: never.</summary>
    public float? OutOfScopeThreshold { get; init; }
}
