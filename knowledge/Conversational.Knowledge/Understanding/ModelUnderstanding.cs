using Conversational.Knowledge.IntentClassification;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Understanding;

/// <summary>
/// Understanding by the trained intent model (<see cref="IntentModelProvider"/>): the top intent if the model is sure
/// enough (its held-out threshold), otherwise <see cref="Intents.OutOfScope"/>; in both cases the in-scope intents it
/// considered, for the policy to ask which one the customer meant. No keyword rules sit in front of it: the demo
/// examples include the quick-reply titles the bot offers, and tests hold the model to them.
/// </summary>
public sealed class ModelUnderstanding(IntentModelProvider provider, IOptions<UnderstandingOptions> options) : IUnderstanding
{
    /// <summary>Intents considered per message: the top two to offer, and room for out of scope among them.</summary>
    private const int Considered = 4;

    public async Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = (await provider.GetAsync(cancellationToken)).Model;
        return Understand(model, text, options.Value.CandidateMinimumScore);
    }

    /// <summary>What <paramref name="model"/> makes of <paramref name="text"/>; never throws on odd text.</summary>
    public static Understanding Understand(IntentModel model, string text, double candidateMinimumScore)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var predictions = model.Predict(text, Considered);
        var top = predictions[0];
        var candidates = predictions
            .Where(prediction => prediction.Label != Intents.OutOfScope && prediction.Score >= candidateMinimumScore)
            .Select(prediction => new IntentCandidate(prediction.Label, prediction.Score))
            .ToList();
        return new Understanding(top.Label, top.Score, TextLanguage.Detect(TextNormalizer.Normalize(text)))
        {
            Candidates = candidates,
        };
    }
}
