using System.Net;
using Conversational.Knowledge.Vectors;
using Conversational.Knowledge.Vectors.Qdrant;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Tests.Vectors.Qdrant;

/// <summary>
/// The Qdrant adapter against <see cref="QdrantDouble"/>: the documented request shapes (method, path, body fields,
/// api-key header) and round trips through the double's in-memory points. No real Qdrant server is involved.
/// </summary>
public sealed class QdrantVectorIndexTests : IAsyncLifetime
{
    private QdrantDouble _qdrant = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _qdrant = await QdrantDouble.StartAsync(apiKey: "secret");

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _qdrant.DisposeAsync();
    }

    private QdrantVectorIndex Index(string apiKey = "secret", int size = 3, TimeSpan? timeout = null) => new(_http,
        Options.Create(new QdrantOptions
        {
            BaseAddress = _qdrant.BaseAddress,
            Collection = "kb",
            VectorSize = size,
            ApiKey = apiKey,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }),
        NullLogger<QdrantVectorIndex>.Instance);

    private static VectorPoint Point(string id, float[] vector, params (string Key, string[] Values)[] payload) =>
        new(id, vector, payload.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Values));

    [Fact]
    public async Task FirstUse_MissingCollection_ChecksThenCreatesItWithSizeAndCosineDistance()
    {
        using var index = Index();

        await index.UpsertAsync([Point("faq-1", [1, 0, 0])], CancellationToken.None);

        Assert.Equal(("GET", "/collections/kb"), (_qdrant.Requests[0].Method, _qdrant.Requests[0].Path));
        var create = _qdrant.Requests[1];
        Assert.Equal(("PUT", "/collections/kb"), (create.Method, create.Path));
        Assert.Equal(3, create.Body!["vectors"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", create.Body["vectors"]!["distance"]!.GetValue<string>());
        Assert.All(_qdrant.Requests, request => Assert.Equal("secret", request.ApiKey));
    }

    [Fact]
    public async Task Upsert_SendsPointsWithUuidIdsVectorsAndPayloadWithTheOriginalIdAndWaits()
    {
        using var index = Index();

        await index.UpsertAsync([Point("faq-42#0", [0.5f, 0.5f, 0], ("language", ["zh-CN"]), ("tags", ["card", "bill"]))],
            CancellationToken.None);

        var upsert = _qdrant.Requests.Single(request => request.Path == "/collections/kb/points");
        Assert.Equal(("PUT", "?wait=true"), (upsert.Method, upsert.Query));
        Assert.StartsWith("application/json", upsert.ContentType, StringComparison.Ordinal);
        var point = upsert.Body!["points"]!.AsArray().Single()!;
        Assert.Equal(QdrantPointIds.ToUuid("faq-42#0").ToString(), point["id"]!.GetValue<string>());
        Assert.Equal([0.5f, 0.5f, 0f], point["vector"]!.AsArray().Select(value => value!.GetValue<float>()));
        Assert.Equal("faq-42#0", point["payload"]![QdrantPointIds.PayloadKey]!.GetValue<string>());
        Assert.Equal(["card", "bill"], point["payload"]!["tags"]!.AsArray().Select(value => value!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_PostsQueryLimitPayloadAndMustAnyFilter_AndReturnsOriginalIdsClosestFirst()
    {
        using var index = Index();
        await index.UpsertAsync(
        [
            Point("near", [1, 0.1f, 0], ("channel", ["web", "app"])),
            Point("far", [0, 1, 0], ("channel", ["web"])),
            Point("other-channel", [1, 0, 0], ("channel", ["wechat"])),
        ], CancellationToken.None);

        var matches = await index.SearchAsync(new float[] { 1, 0, 0 }, 2,
            new VectorFilter([new PayloadCondition("channel", ["web"])]), CancellationToken.None);

        Assert.Equal(["near", "far"], matches.Select(match => match.Id));
        Assert.True(matches[0].Score > matches[1].Score);
        var query = _qdrant.Requests.Single(request => request.Path == "/collections/kb/points/query");
        Assert.Equal("POST", query.Method);
        Assert.Equal(2, query.Body!["limit"]!.GetValue<int>());
        Assert.Equal([1f, 0f, 0f], query.Body["query"]!.AsArray().Select(value => value!.GetValue<float>()));
        Assert.Equal(QdrantPointIds.PayloadKey, query.Body["with_payload"]!.AsArray().Single()!.GetValue<string>());
        var condition = query.Body["filter"]!["must"]!.AsArray().Single()!;
        Assert.Equal("channel", condition["key"]!.GetValue<string>());
        Assert.Equal(["web"], condition["match"]!["any"]!.AsArray().Select(value => value!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_WithoutFilter_SendsNoFilterField()
    {
        using var index = Index();

        await index.SearchAsync(new float[] { 0, 0, 1 }, 5, null, CancellationToken.None);

        var query = _qdrant.Requests.Single(request => request.Path == "/collections/kb/points/query");
        Assert.Null(query.Body!["filter"]);
    }

    [Fact]
    public async Task Upsert_SameIdTwice_ReplacesThePoint()
    {
        using var index = Index();
        await index.UpsertAsync([Point("faq-1", [1, 0, 0])], CancellationToken.None);

        await index.UpsertAsync([Point("faq-1", [0, 1, 0])], CancellationToken.None);

        var stored = Assert.Single(_qdrant.Collections["kb"].Points);
        Assert.Equal([0f, 1f, 0f], stored.Value.Vector);
    }

    [Fact]
    public async Task Delete_PostsUuidsToPointsDeleteAndTheyNoLongerMatch()
    {
        using var index = Index();
        await index.UpsertAsync([Point("a", [1, 0, 0]), Point("b", [0, 1, 0])], CancellationToken.None);

        await index.DeleteAsync(["a", "never-added"], CancellationToken.None);

        var delete = _qdrant.Requests.Single(request => request.Path == "/collections/kb/points/delete");
        Assert.Equal(("POST", "?wait=true"), (delete.Method, delete.Query));
        Assert.Equal([QdrantPointIds.ToUuid("a").ToString(), QdrantPointIds.ToUuid("never-added").ToString()],
            delete.Body!["points"]!.AsArray().Select(id => id!.GetValue<string>()));
        var matches = await index.SearchAsync(new float[] { 1, 0, 0 }, 10, null, CancellationToken.None);
        Assert.Equal(["b"], matches.Select(match => match.Id));
    }

    [Fact]
    public async Task ExistingCollection_OfTheRightSize_IsNotCreatedAgain()
    {
        using (var first = Index())
        {
            await first.EnsureCollectionAsync(CancellationToken.None);
        }

        _qdrant.Requests.Clear();
        using var second = Index();

        await second.EnsureCollectionAsync(CancellationToken.None);
        await second.EnsureCollectionAsync(CancellationToken.None);

        Assert.Equal(("GET", "/collections/kb"), (_qdrant.Requests.Single().Method, _qdrant.Requests.Single().Path));
    }

    [Fact]
    public async Task ExistingCollection_OfAnotherSize_IsAClearError()
    {
        using (var small = Index(size: 3))
        {
            await small.EnsureCollectionAsync(CancellationToken.None);
        }

        using var large = Index(size: 4);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => large.EnsureCollectionAsync(CancellationToken.None));
        Assert.Contains("size 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs size 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStatus_ThrowsWithQdrantsStatusErrorMessage()
    {
        using var index = Index();
        await index.EnsureCollectionAsync(CancellationToken.None);
        _qdrant.Failure = (503, "Service internal error: No active replica for shard 0");

        var error = await Assert.ThrowsAsync<QdrantException>(() => index.SearchAsync(new float[] { 1, 0, 0 }, 1, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("No active replica for shard 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /collections/kb/points/query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongApiKey_ThrowsUnauthorizedWithQdrantsMessage()
    {
        using var index = Index(apiKey: "wrong");

        var error = await Assert.ThrowsAsync<QdrantException>(() => index.EnsureCollectionAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("API key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowServer_ThrowsTimeoutNamingTheRequest()
    {
        using var index = Index(timeout: TimeSpan.FromMilliseconds(200));
        _qdrant.Delay = TimeSpan.FromSeconds(5);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => index.EnsureCollectionAsync(CancellationToken.None));

        Assert.Contains("GET /collections/kb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOfTheWrongLength_IsRejectedBeforeAnyRequest()
    {
        using var index = Index();

        await Assert.ThrowsAsync<ArgumentException>(() => index.SearchAsync(new float[] { 1, 0 }, 1, null, CancellationToken.None));

        Assert.Empty(_qdrant.Requests);
    }

    [Fact]
    public void PointIds_AreDeterministicVersion5Uuids_DistinctPerId()
    {
        var id = QdrantPointIds.ToUuid("faq-1");

        Assert.Equal(id, QdrantPointIds.ToUuid("faq-1"));
        Assert.NotEqual(id, QdrantPointIds.ToUuid("faq-2"));
        Assert.Equal('5', id.ToString()[14]);
        Assert.Contains(id.ToString()[19], "89ab");
    }
}
