using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Understanding;

namespace Conversational.Testing;

/// <summary>
/// The bot's understanding as the product runs it: the model trained from the bundled demo examples, once per test
/// process, for tests that need real understanding without a host.
/// </summary>
public sealed class DemoUnderstanding : IUnderstanding
{
    private static readonly Lazy<TrainedIntentModel> Trained = new(() =>
        TrainedIntentModel.Train(IntentExampleSet.Read(IntentExampleSet.BundledDirectory), Intents.OutOfScope, TimeProvider.System));

    public static IntentModel Model => Trained.Value.Model;

    public static IntentModelInfo Info => Trained.Value.Info;

    public static Understanding Understand(string text) =>
        ModelUnderstanding.Understand(Model, text, new UnderstandingOptions());

    public Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken) => Task.FromResult(Understand(text));
}
