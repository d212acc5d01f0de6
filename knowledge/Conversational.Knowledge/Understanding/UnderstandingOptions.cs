using System.ComponentModel.DataAnnotations;

namespace Conversational.Knowledge.Understanding;

/// <summary>Where the intent model and its examples live. Bound from the <c>Understanding</c> section.</summary>
public sealed class UnderstandingOptions
{
    public const string SectionName = "Understanding";

    /// <summary>
    /// The saved model, relative to the working directory unless rooted; by default in <c>data/</c> beside the SQLite
    /// file. Trained and written there at start-up when missing, unreadable or trained on other examples.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ModelPath { get; set; } = "data/intent-model.cvif";

    /// <summary>
    /// The directory of intent example files (<c>text</c> and <c>label</c> columns), relative to the working directory
    /// unless rooted; null: the ones shipped beside the binaries, copied from
    /// <c>knowledge/Conversational.Knowledge/IntentClassification/demo/</c>.
    /// </summary>
    public string? ExamplesDirectory { get; set; }

    /// <summary>
    /// Intents the model gave less than this probability are not offered when the bot asks which one the customer
    /// meant: a guess that unlikely would only confuse.
    /// </summary>
    [Range(0.0, 1.0)]
    public double CandidateMinimumScore { get; set; } = 0.1;

    /// <summary>
    /// When the two most likely intents are closer than this in probability, the bot asks which one the customer means
    /// instead of acting on the first; 0: never.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AmbiguityMargin { get; set; } = 0.1;
}
