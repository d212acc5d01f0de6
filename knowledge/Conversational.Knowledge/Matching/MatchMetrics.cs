namespace Conversational.Knowledge.Matching;

/// <summary>How well same/different decisions agree with the truth; F1 is of the "same" class.</summary>
public sealed record MatchMetrics(int Examples, double Accuracy, double F1)
{
    public static MatchMetrics Compute(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("One prediction per example is needed.", nameof(predicted));
        }

        int truePositive = 0, falsePositive = 0, falseNegative = 0, correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            correct += truth[i] == predicted[i] ? 1 : 0;
            truePositive += truth[i] && predicted[i] ? 1 : 0;
            falsePositive += !truth[i] && predicted[i] ? 1 : 0;
            falseNegative += truth[i] && !predicted[i] ? 1 : 0;
        }

        var f1 = truePositive == 0 ? 0 : 2.0 * truePositive / (2.0 * truePositive + falsePositive + falseNegative);
        return new MatchMetrics(truth.Count, truth.Count == 0 ? 0 : correct / (double)truth.Count, f1);
    }

    /// <summary>The mean of each score over folds; <see cref="Examples"/> is their sum.</summary>
    public static MatchMetrics Mean(IReadOnlyList<MatchMetrics> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return new MatchMetrics(folds.Sum(fold => fold.Examples), folds.Average(fold => fold.Accuracy), folds.Average(fold => fold.F1));
    }
}
