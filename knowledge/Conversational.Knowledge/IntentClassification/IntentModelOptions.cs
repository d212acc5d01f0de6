namespace Conversational.Knowledge.IntentClassification;

/// <summary>How <see cref="IntentModel.Train"/> builds a model; defaults chosen by measuring <c>nlu eval</c> on public sets.</summary>
public sealed record IntentModelOptions
{
    /// <summary>Seed of the ML.NET context: the same data and options give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Word n-grams of length 1 up to this.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams of length 1 up to this (Chinese has no word segmenter; characters carry it).</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>Weigh n-grams by TF-IDF rather than by count (helps English, costs a little on Chinese).</summary>
    public bool IdfWeighting { get; init; } = true;

    /// <summary>L2 penalty of the maximum-entropy trainer (L1 is 0). Small: the features are L2-normalized.</summary>
    public float L2Regularization { get; init; } = 0.01f;

    /// <summary>The label <see cref="IntentModel.Predict"/> answers when the top score is below the threshold.</summary>
    public string OutOfScopeLabel { get; init; } = Understanding.Intents.OutOfScope;

    /// <summary>Top scores below this become <see cref="OutOfScopeLabel"/>; null: never.</summary>
    public float? OutOfScopeThreshold { get; init; }
}
