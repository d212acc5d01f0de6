using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void Compute_CountsRanksOfDistinctEntries()
    {
        var metrics = RetrievalMetrics.Compute(
            ["a", "b", "c", "d"],
            [["a", "x"], ["x", "x", "x", "b"], ["x", "y", "z", "u", "v", "w", "c"], []]);

        Assert.Equal(4, metrics.Queries);
        Assert.Equal(0.25, metrics.RecallAt1);
        Assert.Equal(0.5, metrics.RecallAt5); // b is second once the repeated x counts once
        Assert.Equal((1 + 0.5 + (1.0 / 7)) / 4, metrics.MrrAt10, 10);
    }

    [Fact]
    public void Compute_NoQueries_IsAllZero()
    {
        Assert.Equal(new RetrievalMetrics(0, 0, 0, 0), RetrievalMetrics.Compute([], []));
    }
}
