using Conversational.Knowledge.IntentClassification;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Understanding;

/// <summary>
/// Understanding by the trained intent model (<see cref="IntentModelProvider"/>): the top intent if the model is sure
/// enough (its held-out threshold) and no other intent comes within <see cref="UnderstandingOptions.AmbiguityMargin"/>
/// of it, otherwise <see cref="Intents.OutOfScope"/>; in both cases the in-scope intents it considered, for the policy
/// to ask which one the customer meant.
/// </summary>
/// <remarks>
/// No keyword rules sit in front of the model: the demo examples include the quick-reply titles the bot offers, and a
/// test holds the model to every one of them. Nor a rule for a bare menu number ("1"): a channel sends the quick
/// reply's title (the CLI turns a typed number into it), and a dialog waiting for a number reads it itself.
/// </remarks>
public sealed class ModelUnderstanding(IntentModelProvider provider, IOptions<UnderstandingOptions> options) : IUnderstanding
{
    /// <summary>Intents considered per message: the top two to offer, and room for out of scope among them.</summary>
    private const int Considered = 4;

    public async Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = (await provider.GetAsync(cancellationToken)).Model;
        return Understand(model, text, options.Value);
    }

    /// <summary>What <paramref name="model"/> makes of <paramref name="text"/>; never throws on odd text.</summary>
    public static Understanding Understand(IntentModel model, string text, UnderstandingOptions settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        var predictions = model.Predict(text, Considered);
        var top = predictions[0];
        var candidates = predictions
            .Where(prediction => prediction.Label != Intents.OutOfScope && prediction.Score >= settings.CandidateMinimumScore)
            .Select(prediction => new IntentCandidate(prediction.Label, prediction.Score))
            .ToList();
        var language = TextLanguage.Detect(TextNormalizer.Normalize(text));

        // Sure enough of an intent, but another is nearly as likely ("refund": a return, or its status?): acting on
        // either would be a coin toss, so the customer is asked, as when the model is unsure.
        if (top.Label != Intents.OutOfScope && candidates.Count >= 2 && candidates[0].Score - candidates[1].Score < settings.AmbiguityMargin)
        {
            return new Understanding(Intents.OutOfScope, 1 - top.Score, language) { Candidates = candidates };
        }

        return new Understanding(top.Label, top.Score, language) { Candidates = candidates };
    }
}
