using Conversational.Knowledge.Vectors;

namespace Conversational.Knowledge.Tests.Vectors;

public sealed class InvertedFileVectorIndexTests : VectorIndexContract
{
    protected override Task<IVectorIndex> CreateAsync() => Task.FromResult<IVectorIndex>(new InvertedFileVectorIndex(minTrainSize: 2));

    // Points around 40 random centres in 32 dimensions, like embeddings of questions about 40 topics.
    private static List<VectorPoint> Clustered(int count, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 32).Select(_ => (float)random.NextDouble() - 0.5f).ToArray()).ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var centre = centres[random.Next(centres.Length)];
            return Point($"p{i:D5}", centre.Select(value => value + (((float)random.NextDouble() - 0.5f) * 0.3f)).ToArray());
        }).ToList();
    }

    [Fact]
    public async Task Search_AfterTraining_FindsNearlyTheSameTopTenAsExactSearch()
    {
        var points = Clustered(6_000, seed: 7);
        var approximate = new InvertedFileVectorIndex(probes: 8, minTrainSize: 1_000);
        var exact = new ExactVectorIndex();
        await approximate.UpsertAsync(points, default);
        await exact.UpsertAsync(points, default);

        var queries = Clustered(100, seed: 8);
        var found = 0;
        foreach (var query in queries)
        {
            var truth = exact.Search(query.Vector.Span, 10, null).Select(match => match.Id).ToHashSet();
            found += approximate.Search(query.Vector.Span, 10, null).Count(match => truth.Contains(match.Id));
        }

        Assert.True(approximate.Cells > 1);
        Assert.InRange(found / 1000.0, 0.9, 1.0);
    }

    [Fact]
    public async Task Delete_AfterTraining_KeepsTheOtherPointsFindable()
    {
        var points = Clustered(2_000, seed: 3);
        var index = new InvertedFileVectorIndex(probes: 4, minTrainSize: 500);
        await index.UpsertAsync(points, default);

        await index.DeleteAsync(points.Take(1_000).Select(point => point.Id).ToList(), default);

        foreach (var point in points.Skip(1_000).Take(50))
        {
            Assert.Equal(point.Id, index.Search(point.Vector.Span, 1, null)[0].Id);
        }

        Assert.DoesNotContain(index.Search(points[0].Vector.Span, 10, null), match => string.CompareOrdinal(match.Id, "p01000") < 0);
    }

    [Fact]
    public async Task Search_WithSelectiveFilter_FallsBackToAScanAndStillFindsTheMatches()
    {
        var points = Clustered(3_000, seed: 5);
        points[2_999] = Point(points[2_999].Id, points[2_999].Vector.ToArray(), "zh-CN");
        var index = new InvertedFileVectorIndex(probes: 1, minTrainSize: 500);
        await index.UpsertAsync(points, default);

        var matches = index.Search(points[0].Vector.Span, 5, Filter("language", "zh-CN"));

        Assert.Equal(points[2_999].Id, Assert.Single(matches).Id);
    }
}
