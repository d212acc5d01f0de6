using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// FAQ retrieval as classification (问答分类): an <see cref="IntentModel"/> whose labels are knowledge entries and whose
/// examples are their chunks' texts (the question variants), so it learns what tells one entry's wording from the
/// others'. <see cref="HybridRetriever"/> fuses its ranking of entries as one more ranking.
/// </summary>
/// <remarks>
/// An entry with a single chunk has nothing to generalize from (and the model needs two examples a label), so it is
/// left out and simply not ranked; with fewer than two entries left there is no classifier.
/// </remarks>
public sealed class EntryClassifier
{
    /// <summary>
    /// At most this many weights (features × entries, 64 MB of floats): the model keeps one per feature and label, so a
    /// knowledge base of thousands of entries gets fewer features instead of gigabytes. The public sets stay under it
    /// (CLINC150: 150 entries, about 11,000 features).
    /// </summary>
    private const int WeightBudget = 16_000_000;

    private readonly IntentModel _model;

    private EntryClassifier(IntentModel model) => _model = model;

    /// <summary>The entries it ranks.</summary>
    public IReadOnlyList<string> Entries => _model.Labels;

    /// <summary>Trains on <paramref name="chunks"/>; null when fewer than two entries have two chunks or more.</summary>
    public static EntryClassifier? Train(IEnumerable<KnowledgeChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var examples = chunks
            .GroupBy(chunk => chunk.EntryId, StringComparer.Ordinal)
            .Where(entry => entry.Count() >= 2)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .SelectMany(entry => entry.OrderBy(chunk => chunk.Id, StringComparer.Ordinal)
                .Select(chunk => new IntentExample(chunk.Text, entry.Key)))
            .ToList();
        var entries = examples.Select(example => example.Label).Distinct(StringComparer.Ordinal).Count();
        if (entries < 2)
        {
            return null;
        }

        var defaults = new IntentModelOptions();
        return new EntryClassifier(IntentModel.Train(examples,
            defaults with { MaxFeatures = Math.Min(defaults.MaxFeatures, WeightBudget / entries) }));
    }

    /// <summary>The entries most likely meant by <paramref name="question"/>, at most <paramref name="depth"/>, best first.</summary>
    public IEnumerable<string> Rank(string question, int depth) =>
        _model.Predict(question, Math.Min(depth, _model.Labels.Count)).Select(prediction => prediction.Label);
}
