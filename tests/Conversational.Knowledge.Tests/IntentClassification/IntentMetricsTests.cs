using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class IntentMetricsTests
{
    [Fact]
    public void Compute_HandCase_GivesAccuracyAndMacroF1OverGoldLabels()
    {
        // a: tp 2, gold 3, predicted 2 → F1 4/5; b: tp 1, gold 1, predicted 2 → F1 2/3; c: tp 0 → 0.
        string[] gold = ["a", "a", "a", "b", "c"];
        string[] predicted = ["a", "a", "b", "b", "x"];

        var metrics = IntentMetrics.Compute(gold, predicted);

        Assert.Equal(5, metrics.Examples);
        Assert.Equal(3, metrics.Labels);
        Assert.Equal(0.6, metrics.Accuracy, 10);
        Assert.Equal((0.8 + (2.0 / 3) + 0) / 3, metrics.MacroF1, 10);
        Assert.Null(metrics.InScopeAccuracy);
        Assert.Null(metrics.OutOfScopeRecall);
        Assert.Null(metrics.OutOfScopePrecision);
    }

    [Fact]
    public void Compute_WithOutOfScopeLabel_GivesInScopeAccuracyAndOosRecallAndPrecision()
    {
        // In scope: a, a, b → 2 of 3 right. OOS gold: 2, predicted oos 2, both 1 → recall 1/2, precision 1/2.
        string[] gold = ["a", "a", "b", "oos", "oos"];
        string[] predicted = ["a", "oos", "b", "oos", "a"];

        var metrics = IntentMetrics.Compute(gold, predicted, "oos");

        Assert.Equal(0.6, metrics.Accuracy, 10);
        Assert.Equal(2.0 / 3, metrics.InScopeAccuracy!.Value, 10);
        Assert.Equal(0.5, metrics.OutOfScopeRecall!.Value, 10);
        Assert.Equal(0.5, metrics.OutOfScopePrecision!.Value, 10);
        // a: tp 1, gold 2, predicted 2 → 1/2; b: 1; oos: tp 1, gold 2, predicted 2 → 1/2.
        Assert.Equal((0.5 + 1 + 0.5) / 3, metrics.MacroF1, 10);
    }

    [Fact]
    public void Compute_NothingPredictedOutOfScope_GivesZeroPrecisionNotNaN()
    {
        var metrics = IntentMetrics.Compute(["a", "oos"], ["a", "a"], "oos");

        Assert.Equal(0, metrics.OutOfScopePrecision);
        Assert.Equal(0, metrics.OutOfScopeRecall);
        Assert.Equal(1, metrics.InScopeAccuracy);
    }

    [Fact]
    public void Compute_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => IntentMetrics.Compute(["a"], []));
    }

    [Fact]
    public void Mean_OfFolds_AveragesScoresAddsExamplesAndKeepsMissingOosScoresMissing()
    {
        var first = new IntentMetrics(10, 3, 0.8, 0.7, 0.9, 0.5, 1.0);
        var second = new IntentMetrics(12, 4, 0.6, 0.5, 0.7, 0.3, 0.0);

        var mean = IntentMetrics.Mean([first, second]);

        Assert.Equal(22, mean.Examples);
        Assert.Equal(4, mean.Labels);
        Assert.Equal(0.7, mean.Accuracy, 10);
        Assert.Equal(0.6, mean.MacroF1, 10);
        Assert.Equal(0.8, mean.InScopeAccuracy!.Value, 10);
        Assert.Equal(0.4, mean.OutOfScopeRecall!.Value, 10);
        Assert.Equal(0.5, mean.OutOfScopePrecision!.Value, 10);
        Assert.Null(IntentMetrics.Mean([first with { InScopeAccuracy = null }, second]).InScopeAccuracy);
    }
}
