using Conversational.Knowledge.Vectors;

namespace Conversational.Knowledge.Tests.Vectors;

/// <summary>What every <see cref="IVectorIndex"/> must do, run against each implementation.</summary>
public abstract class VectorIndexContract
{
    protected abstract Task<IVectorIndex> CreateAsync();

    protected static VectorPoint Point(string id, float[] vector, string language = "en", params string[] tags) =>
        new(id, vector, new Dictionary<string, IReadOnlyList<string>> { ["language"] = [language], ["tag"] = tags });

    [Fact]
    public async Task Search_ReturnsTheClosestPointsFirstWithCosineScores()
    {
        var index = await CreateAsync();
        await index.UpsertAsync([Point("x", [1, 0, 0]), Point("xy", [1, 1, 0]), Point("z", [0, 0, 2])], default);

        var matches = await index.SearchAsync(new float[] { 2, 0, 0 }, 2, null, default);

        Assert.Equal(["x", "xy"], matches.Select(match => match.Id));
        Assert.Equal(1f, matches[0].Score, 4);
        Assert.Equal(MathF.Sqrt(0.5f), matches[1].Score, 4);
    }

    [Fact]
    public async Task Upsert_ExistingId_ReplacesItsVectorAndPayload()
    {
        var index = await CreateAsync();
        await index.UpsertAsync([Point("a", [1, 0]), Point("b", [0, 1])], default);

        await index.UpsertAsync([Point("a", [0, 1], "zh-CN")], default);

        var matches = await index.SearchAsync(new float[] { 0, 1 }, 5, null, default);
        Assert.Equal(["a", "b"], matches.Select(match => match.Id));
        var chinese = await index.SearchAsync(new float[] { 0, 1 }, 5, Filter("language", "zh-CN"), default);
        Assert.Equal("a", Assert.Single(chinese).Id);
    }

    [Fact]
    public async Task Delete_RemovesThePointsAndIgnoresUnknownIds()
    {
        var index = await CreateAsync();
        await index.UpsertAsync([Point("a", [1, 0]), Point("b", [0.9f, 0.1f]), Point("c", [0, 1])], default);

        await index.DeleteAsync(["a", "missing"], default);

        var matches = await index.SearchAsync(new float[] { 1, 0 }, 5, null, default);
        Assert.Equal(["b", "c"], matches.Select(match => match.Id));
    }

    [Fact]
    public async Task Search_WithFilter_ReturnsOnlyPointsWhosePayloadMatchesEveryCondition()
    {
        var index = await CreateAsync();
        await index.UpsertAsync(
        [
            Point("en-card", [1, 0], "en", "card"),
            Point("zh-card", [0.9f, 0.1f], "zh-CN", "card"),
            Point("zh-shop", [0.8f, 0.2f], "zh-CN", "shop"),
        ], default);

        var filter = new VectorFilter([new PayloadCondition("language", ["zh-CN"]), new PayloadCondition("tag", ["card", "loan"])]);
        var matches = await index.SearchAsync(new float[] { 1, 0 }, 5, filter, default);

        Assert.Equal("zh-card", Assert.Single(matches).Id);
    }

    [Fact]
    public async Task Search_EqualScores_AreOrderedById()
    {
        var index = await CreateAsync();
        await index.UpsertAsync([Point("c", [1, 0]), Point("a", [1, 0]), Point("b", [1, 0])], default);

        var matches = await index.SearchAsync(new float[] { 1, 0 }, 3, null, default);

        Assert.Equal(["a", "b", "c"], matches.Select(match => match.Id));
    }

    [Fact]
    public async Task Search_QueryOfAnotherLength_IsRejected()
    {
        var index = await CreateAsync();
        await index.UpsertAsync([Point("a", [1, 0])], default);

        await Assert.ThrowsAsync<ArgumentException>(() => index.SearchAsync(new float[] { 1, 0, 0 }, 1, null, default));
    }

    protected static VectorFilter Filter(string key, string value) => new([new PayloadCondition(key, [value])]);
}
