namespace Conversational.Knowledge.IntentClassification;

/// <summary>Scores of predicted labels against gold labels (fractions 0–1).</summary>
/// <param name="Examples">Number of test examples.</param>
/// <param name="Labels">Number of distinct gold labels.</param>
/// <param name="Accuracy">Share of examples predicted right.</param>
/// <param name="MacroF1">Mean F1 over the gold labels (out-of-scope included when given); a label never predicted right has F1 0.</param>
/// <param name="InScopeAccuracy">With an out-of-scope label: accuracy over the in-scope gold examples.</param>
/// <param name="OutOfScopeRecall">With an out-of-scope label: share of out-of-scope gold examples predicted out of scope.</param>
/// <param name="OutOfScopePrecision">With an out-of-scope label: share of out-of-scope predictions that are right (0 if none).</param>
public sealed record IntentMetrics(
    int Examples,
    int Labels,
    double Accuracy,
    double MacroF1,
    double? InScopeAccuracy,
    double? OutOfScopeRecall,
    double? OutOfScopePrecision)
{
    public static IntentMetrics Compute(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, string? outOfScopeLabel = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions.", nameof(predicted));
        }

        var n = gold.Count;
        var correct = Enumerable.Range(0, n).Count(i => string.Equals(gold[i], predicted[i], StringComparison.Ordinal));
        var labels = gold.Distinct(StringComparer.Ordinal).ToList();
        var f1s = labels.Select(label =>
        {
            var truePositives = Enumerable.Range(0, n).Count(i => gold[i] == label && predicted[i] == label);
            var goldCount = gold.Count(g => g == label);
            var predictedCount = predicted.Count(p => p == label);
            return truePositives == 0 ? 0.0 : 2.0 * truePositives / (goldCount + predictedCount);
        }).ToList();

        double? inScopeAccuracy = null, recall = null, precision = null;
        if (outOfScopeLabel is not null)
        {
            var inScope = Enumerable.Range(0, n).Where(i => gold[i] != outOfScopeLabel).ToList();
            inScopeAccuracy = inScope.Count == 0 ? 0 : inScope.Count(i => predicted[i] == gold[i]) / (double)inScope.Count;
            var goldOut = gold.Count(g => g == outOfScopeLabel);
            var predictedOut = predicted.Count(p => p == outOfScopeLabel);
            var bothOut = Enumerable.Range(0, n).Count(i => gold[i] == outOfScopeLabel && predicted[i] == outOfScopeLabel);
            recall = goldOut == 0 ? 0 : bothOut / (double)goldOut;
            precision = predictedOut == 0 ? 0 : bothOut / (double)predictedOut;
        }

        return new IntentMetrics(n, labels.Count, n == 0 ? 0 : correct / (double)n, f1s.Count == 0 ? 0 : f1s.Average(),
            inScopeAccuracy, recall, precision);
    }

    /// <summary>
    /// The mean of several runs' scores (cross-validation folds): every score is the mean over the runs, the examples
    /// are added up, and the labels are the most any run saw.
    /// </summary>
    public static IntentMetrics Mean(IReadOnlyList<IntentMetrics> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        static double? MeanOf(IEnumerable<double?> values) =>
            values.Any(value => value is null) ? null : values.Average(value => value!.Value);
        return new IntentMetrics(
            runs.Sum(run => run.Examples),
            runs.Max(run => run.Labels),
            runs.Average(run => run.Accuracy),
            runs.Average(run => run.MacroF1),
            MeanOf(runs.Select(run => run.InScopeAccuracy)),
            MeanOf(runs.Select(run => run.OutOfScopeRecall)),
            MeanOf(runs.Select(run => run.OutOfScopePrecision)));
    }
}
