using Conversational.Knowledge.Vectors;

namespace Conversational.Knowledge.Tests.Vectors;

public sealed class ExactVectorIndexTests : VectorIndexContract
{
    protected override Task<IVectorIndex> CreateAsync() => Task.FromResult<IVectorIndex>(new ExactVectorIndex());

    [Fact]
    public async Task Search_LargeCollectionScannedInParts_FindsTheSameTopAsOnePass()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, ExactVectorIndex.ParallelThreshold + 1_000)
            .Select(i => Point($"p{i:D6}", Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble() - 0.5f).ToArray()))
            .ToList();
        var large = new ExactVectorIndex();
        await large.UpsertAsync(points, default);
        var query = new float[] { 0.3f, -0.2f, 0.1f, 0.4f, -0.1f, 0.2f, 0f, 0.1f };

        var matches = large.Search(query, 10, null);

        var expected = points
            .Select(point => (point.Id, Score: System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(query, point.Vector.Span)))
            .OrderByDescending(pair => pair.Score).ThenBy(pair => pair.Id, StringComparer.Ordinal).Take(10).Select(pair => pair.Id);
        Assert.Equal(expected, matches.Select(match => match.Id));
    }
}
