using System.Diagnostics;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>An intent model and what it was trained on: what the bot runs and what <c>nlu train</c> saves.</summary>
public sealed record TrainedIntentModel(IntentModelInfo Info, IntentModel Model)
{
    /// <summary>
    /// Trains the product's model from a set of examples: the out-of-scope examples (<paramref name="outOfScopeLabel"/>)
    /// are a class, and the threshold below which the model says out of scope is chosen on held-out data
    /// (<see cref="IntentModel.TrainCalibrated"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The examples cannot make a model (one label, a label of one example…).</exception>
    public static TrainedIntentModel Train(IntentExampleSet examples, string outOfScopeLabel, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(time);
        var clock = Stopwatch.StartNew();
        var (model, accuracy) = IntentModel.TrainCalibrated(examples.Examples, outOfScopeLabel);
        var info = new IntentModelInfo(examples.ContentHash[..12], examples.ContentHash, examples.Examples.Count, model.Labels.Count,
            accuracy, model.Options.OutOfScopeThreshold, time.GetUtcNow(), clock.Elapsed.TotalSeconds);
        return new TrainedIntentModel(info, model);
    }
}
