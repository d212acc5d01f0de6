using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class RankedTopTests
{
    [Fact]
    public void ToList_KeepsTheBestLimitPairs_BestFirst()
    {
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 500).Select(i => ($"id{i:D3}", (float)random.Next(0, 40))).ToList();
        var top = new RankedTop(20);

        foreach (var (id, score) in pairs)
        {
            top.Offer(id, score);
        }

        var expected = pairs.OrderByDescending(pair => pair.Item2).ThenBy(pair => pair.Item1, StringComparer.Ordinal).Take(20);
        Assert.Equal(expected, top.ToList());
    }

    [Fact]
    public void Offer_EqualScores_KeepsTheSmallerIdsWhateverTheOrder()
    {
        var forward = new RankedTop(2);
        var backward = new RankedTop(2);

        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            forward.Offer(id, 1f);
        }

        foreach (var id in new[] { "d", "c", "b", "a" })
        {
            backward.Offer(id, 1f);
        }

        Assert.Equal([("a", 1f), ("b", 1f)], forward.ToList());
        Assert.Equal(forward.ToList(), backward.ToList());
    }

    [Fact]
    public void Threshold_IsTheWorstKeptScoreOnceFull()
    {
        var top = new RankedTop(2);
        top.Offer("a", 3f);
        Assert.Equal(float.NegativeInfinity, top.Threshold);

        top.Offer("b", 1f);
        top.Offer("c", 2f);

        Assert.Equal(2f, top.Threshold);
    }

    [Fact]
    public void Offer_WithLimitZero_KeepsNothing()
    {
        var top = new RankedTop(0);

        top.Offer("a", 1f);

        Assert.Empty(top.ToList());
        Assert.Equal(float.PositiveInfinity, top.Threshold);
    }
}
