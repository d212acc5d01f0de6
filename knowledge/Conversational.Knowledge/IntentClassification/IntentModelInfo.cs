namespace Conversational.Knowledge.IntentClassification;

/// <summary>What a saved intent model was trained on and how well it did, kept in its file (<see cref="IntentModelFile"/>).</summary>
/// <param name="Version">Short name of this model: the first 12 hex digits of <paramref name="ExamplesHash"/>.</param>
/// <param name="ExamplesHash">The <see cref="IntentExampleSet.ContentHash"/> of its examples; a different one means retrain.</param>
/// <param name="Examples">How many examples it learned from.</param>
/// <param name="Labels">How many intents it knows, out of scope included.</param>
/// <param name="HeldOutAccuracy">Accuracy on a stratified 20 % held out while choosing the threshold; null if none could be.</param>
/// <param name="OutOfScopeThreshold">Top probabilities below this are out of scope.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="TrainSeconds">How long training took.</param>
public sealed record IntentModelInfo(
    string Version, string ExamplesHash, int Examples, int Labels, double? HeldOutAccuracy, float? OutOfScopeThreshold,
    DateTimeOffset TrainedAt, double TrainSeconds);
