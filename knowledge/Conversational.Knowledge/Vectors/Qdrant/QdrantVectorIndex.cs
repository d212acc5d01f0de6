using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Vectors.Qdrant;

/// <summary>
/// <see cref="IVectorIndex"/> over Qdrant's REST API (v1.10+, written against v1.19's OpenAPI; see
/// <c>research/protocols.md</c> §3), for knowledge bases too large for the in-process indexes: the collection is created
/// with cosine distance on first use, points are upserted and deleted with <c>wait=true</c> (a search right after sees
/// them), and searches go to <c>/points/query</c> with the payload filter as <c>must</c> of <c>match.any</c> conditions.
/// </summary>
/// <remarks>
/// <para>Tested only against a local HTTP double that checks the documented request shapes and answers as Qdrant's
/// documentation shows: no Qdrant server can be installed on the development machines (it is not packaged in apt, npm or
/// NuGet). Check it against a real server before relying on it.</para>
/// <para>String ids become name-based UUIDs (<see cref="QdrantPointIds"/>); payload values are arrays of strings, which
/// Qdrant's <c>match.any</c> tests element by element, as <see cref="PayloadCondition"/> does in process.</para>
/// </remarks>
public sealed partial class QdrantVectorIndex : IVectorIndex, IDisposable
{
    private readonly HttpClient _http;
    private readonly QdrantOptions _options;
    private readonly ILogger<QdrantVectorIndex> _logger;
    private readonly SemaphoreSlim _ensure = new(1, 1);
    private volatile bool _collectionReady;

    /// <param name="http">Sends the requests; <see cref="QdrantOptions.BaseAddress"/> and the API key are applied per request.</param>
    public QdrantVectorIndex(HttpClient http, IOptions<QdrantOptions> options, ILogger<QdrantVectorIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
    }

    private string CollectionPath => "collections/" + Uri.EscapeDataString(_options.Collection);

    /// <summary>
    /// Makes sure the collection exists with the configured size: <c>GET /collections/{name}</c>, and on 404
    /// <c>PUT /collections/{name}</c> with <c>{"vectors":{"size":N,"distance":"Cosine"}}</c>. Called before the first
    /// operation; a collection of another size or distance is an error (re-embedding needs a new collection).
    /// </summary>
    public async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (_collectionReady)
        {
            return;
        }

        await _ensure.WaitAsync(cancellationToken);
        try
        {
            if (_collectionReady)
            {
                return;
            }

            var info = await SendAsync(HttpMethod.Get, CollectionPath, body: null, cancellationToken, allowNotFound: true);
            if (info is null)
            {
                var create = new JsonObject { ["vectors"] = new JsonObject { ["size"] = _options.VectorSize, ["distance"] = "Cosine" } };
                await SendAsync(HttpMethod.Put, CollectionPath, create, cancellationToken);
                LogCreated(_options.Collection, _options.VectorSize);
            }
            else
            {
                CheckVectors(info["result"]?["config"]?["params"]?["vectors"]);
            }

            _collectionReady = true;
        }
        finally
        {
            _ensure.Release();
        }
    }

    public async Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return;
        }

        await EnsureCollectionAsync(cancellationToken);
        var array = new JsonArray();
        foreach (var point in points)
        {
            if (point.Vector.Length != _options.VectorSize)
            {
                throw new ArgumentException(
                    $"Point '{point.Id}' has {point.Vector.Length} dimensions; the collection holds {_options.VectorSize}.", nameof(points));
            }

            var payload = new JsonObject();
            foreach (var (key, values) in point.Payload)
            {
                payload[key] = new JsonArray([.. values.Select(value => JsonValue.Create(value))]);
            }

            payload[QdrantPointIds.PayloadKey] = point.Id;
            array.Add(new JsonObject
            {
                ["id"] = QdrantPointIds.ToUuid(point.Id).ToString(),
                ["vector"] = new JsonArray([.. point.Vector.ToArray().Select(value => JsonValue.Create(value))]),
                ["payload"] = payload,
            });
        }

        await SendAsync(HttpMethod.Put, CollectionPath + "/points?wait=true", new JsonObject { ["points"] = array }, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await EnsureCollectionAsync(cancellationToken);
        var points = new JsonArray([.. ids.Select(id => JsonValue.Create(QdrantPointIds.ToUuid(id).ToString()))]);
        await SendAsync(HttpMethod.Post, CollectionPath + "/points/delete?wait=true", new JsonObject { ["points"] = points }, cancellationToken);
    }

    public async Task<IReadOnlyList<VectorMatch>> SearchAsync(
        ReadOnlyMemory<float> query, int limit, VectorFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (query.Length != _options.VectorSize)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the collection holds {_options.VectorSize}.", nameof(query));
        }

        await EnsureCollectionAsync(cancellationToken);
        var body = new JsonObject
        {
            ["query"] = new JsonArray([.. query.ToArray().Select(value => JsonValue.Create(value))]),
            ["limit"] = limit,
            ["with_payload"] = new JsonArray(JsonValue.Create(QdrantPointIds.PayloadKey)),
        };
        if (filter is { Must.Count: > 0 })
        {
            body["filter"] = new JsonObject
            {
                ["must"] = new JsonArray([.. filter.Must.Select(condition => (JsonNode)new JsonObject
                {
                    ["key"] = condition.Key,
                    ["match"] = new JsonObject { ["any"] = new JsonArray([.. condition.AnyOf.Select(value => JsonValue.Create(value))]) },
                })]),
            };
        }

        var response = await SendAsync(HttpMethod.Post, CollectionPath + "/points/query", body, cancellationToken);
        var found = response?["result"]?["points"]?.AsArray() ?? throw Malformed("points/query", "no result.points");
        return [.. found.Select(point => new VectorMatch(
            point?["payload"]?[QdrantPointIds.PayloadKey]?.GetValue<string>() ?? throw Malformed("points/query", $"a point without payload.{QdrantPointIds.PayloadKey}"),
            point["score"]?.GetValue<float>() ?? throw Malformed("points/query", "a point without a score")))];
    }

    public void Dispose() => _ensure.Dispose();

    private void CheckVectors(JsonNode? vectors)
    {
        var size = vectors?["size"]?.GetValue<int>();
        var distance = vectors?["distance"]?.GetValue<string>();
        if (size != _options.VectorSize || !string.Equals(distance, "Cosine", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Qdrant collection '{_options.Collection}' holds vectors of size {size?.ToString(CultureInfo.InvariantCulture) ?? "?"} with {distance ?? "?"} distance; " +
                $"the knowledge base needs size {_options.VectorSize} with Cosine. Use another collection (Knowledge:Qdrant:Collection) or drop it."));
        }
    }

    /// <summary>Sends one request with the API key and the timeout; null for a 404 when <paramref name="allowNotFound"/>.</summary>
    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken,
        bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.BaseAddress!, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Add("api-key", _options.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Qdrant did not answer {method} /{path} within {_options.Timeout.TotalSeconds:0.#} s.");
        }

        using (response)
        {
            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new QdrantException(response.StatusCode,
                    $"Qdrant answered {(int)response.StatusCode} to {method} /{path}: {ErrorMessage(text) ?? response.ReasonPhrase}");
            }

            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
    }

    /// <summary>Qdrant's error body is <c>{"status":{"error":"…"},"time":…}</c>; anything else is shown as it came, shortened.</summary>
    private static string? ErrorMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["status"]?["error"]?.GetValue<string>() ?? Shorten(body);
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
        catch (InvalidOperationException)
        {
            return Shorten(body);
        }
    }

    private static string? Shorten(string body) => body.Length == 0 ? null : body.Length <= 200 ? body : body[..200] + "…";

    private static InvalidDataException Malformed(string operation, string what) =>
        new($"Qdrant's answer to {operation} is not as documented: {what}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Qdrant collection {Collection} ({Size} dimensions, cosine)")]
    private partial void LogCreated(string collection, int size);
}
