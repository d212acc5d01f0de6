using Conversational.Knowledge.Matching;

namespace Conversational.Knowledge.Tests.Matching;

public sealed class MatchMetricsTests
{
    [Fact]
    public void Compute_CountsAccuracyAndF1OfTheSameClass()
    {
        // TP 2, FP 1, FN 1, TN 2.
        bool[] truth = [true, true, true, false, false, false];
        bool[] predicted = [true, true, false, true, false, false];

        var metrics = MatchMetrics.Compute(truth, predicted);

        Assert.Equal(6, metrics.Examples);
        Assert.Equal(4 / 6.0, metrics.Accuracy, 9);
        Assert.Equal(2 * 2 / (2 * 2 + 1 + 1.0), metrics.F1, 9);
    }

    [Fact]
    public void Compute_NeverSayingSame_HasF1Zero()
    {
        var metrics = MatchMetrics.Compute([true, false, false], [false, false, false]);

        Assert.Equal(2 / 3.0, metrics.Accuracy, 9);
        Assert.Equal(0, metrics.F1);
    }

    [Fact]
    public void Mean_AveragesScoresAndSumsExamples()
    {
        var mean = MatchMetrics.Mean([new MatchMetrics(10, 0.8, 0.5), new MatchMetrics(12, 0.6, 0.3)]);

        Assert.Equal((22, 0.7, 0.4), (mean.Examples, Math.Round(mean.Accuracy, 9), Math.Round(mean.F1, 9)));
    }
}
