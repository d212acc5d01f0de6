namespace Conversational.Knowledge.IntentClassification;

/// <summary>One labelled utterance: what a customer said and the intent a trainer gave it.</summary>
public sealed record IntentExample(string Text, string Label);

/// <summary>One candidate intent for an utterance and the model's probability for it (0–1).</summary>
public sealed record IntentPrediction(string Label, float Score);
