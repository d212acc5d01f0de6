namespace Conversational.Knowledge.IntentClassification;

/// <summary>The out-of-scope threshold, chosen on examples held out of training.</summary>
public sealed partial class IntentModel
{
    /// <summary>Share of each label held out by <see cref="TrainWithThreshold"/> to choose the threshold.</summary>
    public const double HeldOutFraction = 0.2;

    /// <summary>Share of held-out in-scope examples the out-of-scope threshold may reject (<see cref="ChooseThreshold"/>).</summary>
    public const double InScopeBudget = 0.01;

    /// <summary>
    /// Trains with an out-of-scope threshold chosen on held-out data: holds out <see cref="HeldOutFraction"/> of each
    /// label (stratified, seeded), trains a probe on the rest, chooses the threshold on the held-out part with
    /// <see cref="ChooseThreshold"/>, then trains on all the examples and keeps that threshold. Examples labelled
    /// <paramref name="outOfScopeLabel"/>, if any, are trained as a class too.
    /// </summary>
    /// <remarks>
    /// The probe and the final model share one featurizer built from all the texts (no labels are used to build it), so
    /// the final training starts from the probe's weights and needs a fraction of the steps: the threshold costs about a
    /// third more training time instead of twice. The held-out texts are featurized with only the n-grams the probe's
    /// examples have, as a text never seen would be.
    /// </remarks>
    public static IntentModel TrainWithThreshold(
        IReadOnlyList<IntentExample> examples, string outOfScopeLabel, IntentModelOptions? options = null) =>
        TrainCalibrated(examples, outOfScopeLabel, options).Model;

    /// <summary>
    /// <see cref="TrainWithThreshold"/>, and how the probe did on the held-out examples with the chosen threshold: the
    /// accuracy to expect of the final model on texts it never saw (null when too few examples to hold any out).
    /// </summary>
    public static (IntentModel Model, double? HeldOutAccuracy) TrainCalibrated(
        IReadOnlyList<IntentExample> examples, string outOfScopeLabel, IntentModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentException.ThrowIfNullOrWhiteSpace(outOfScopeLabel);
        options = (options ?? new IntentModelOptions()) with { OutOfScopeLabel = outOfScopeLabel, OutOfScopeThreshold = null };
        Validate(examples, options);
        var data = TrainingData.Prepare(examples, options);
        var (fit, heldOut) = ExampleSplits.SplitIndices(examples, HeldOutFraction, options.Seed);
        if (heldOut.Count == 0)
        {
            return (Fit(data, data.Vectors, options, start: null).Model, null);
        }

        var fitData = data with
        {
            Vectors = fit.Select(i => data.Vectors[i]).ToList(),
            Targets = fit.Select(i => data.Targets[i]).ToArray(),
        };
        var (probe, probeParameters) = Fit(fitData, fitData.Vectors, options, start: null);
        var known = new bool[data.Featurizer.Dimension];
        foreach (var vector in fitData.Vectors)
        {
            for (var i = 0; i < vector.Count; i++)
            {
                known[vector.Indices[i]] = true;
            }
        }

        var scored = heldOut.Select(i =>
        {
            var vector = new SparseVector();
            data.Featurizer.Featurize(examples[i].Text, vector, known);
            var top = probe.Rank(vector, 1)[0];
            return new ScoredExample(top.Score, string.Equals(top.Label, examples[i].Label, StringComparison.Ordinal),
                string.Equals(examples[i].Label, outOfScopeLabel, StringComparison.Ordinal));
        }).ToList();
        var threshold = ChooseThreshold(scored);
        // With the threshold, an in-scope example is right only if confident, an out-of-scope one also if not.
        var accuracy = scored.Count(example => example.IsOutOfScope
            ? example.Correct || example.TopScore < threshold
            : example.Correct && example.TopScore >= threshold) / (double)scored.Count;
        return (Fit(data, data.Vectors, options with { OutOfScopeThreshold = threshold }, probeParameters).Model, accuracy);
    }

    /// <summary>
    /// Chooses the out-of-scope threshold from held-out examples scored by a model that did not see them: the highest
    /// threshold that costs at most <see cref="InScopeBudget"/> of in-scope accuracy (it rejects at most that share of
    /// the in-scope examples the model got right). Out-of-scope recall only grows with the threshold, so this is the
    /// threshold with the best out-of-scope recall within that budget, whether or not out-of-scope examples are among
    /// them (they need none). No correct in-scope example: 0 (no threshold).
    /// </summary>
    public static float ChooseThreshold(IReadOnlyList<ScoredExample> heldOut)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        var inScope = heldOut.Count(example => !example.IsOutOfScope);
        var correct = heldOut.Where(example => !example.IsOutOfScope && example.Correct)
            .Select(example => example.TopScore).Order().ToList();
        if (correct.Count == 0)
        {
            return 0f;
        }

        var rejected = (int)Math.Floor(InScopeBudget * inScope);
        return correct[Math.Min(rejected, correct.Count - 1)];
    }
}

/// <summary>A held-out example as a model scored it, for <see cref="IntentModel.ChooseThreshold"/>.</summary>
/// <param name="TopScore">The model's top score.</param>
/// <param name="Correct">Whether the top label is the example's label.</param>
/// <param name="IsOutOfScope">Whether the example's label is the out-of-scope label.</param>
public readonly record struct ScoredExample(float TopScore, bool Correct, bool IsOutOfScope);
