using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversational.Knowledge.Tests.Vectors.Qdrant;

/// <summary>
/// A stand-in for a Qdrant server (no real one can be installed here) on a loopback port: it accepts only the request
/// shapes Qdrant's REST documentation gives for the calls the adapter makes (v1.19 OpenAPI, research/protocols.md §3),
/// answers with the documented envelopes, and keeps points in memory with cosine search and match.any filters, so the
/// adapter's round trips can be checked. Every request is recorded; a shape it does not know gets 400 with Qdrant's
/// error envelope.
/// </summary>
internal sealed class QdrantDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private QdrantDouble(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Required <c>api-key</c> header value; null accepts any request.</summary>
    public string? ApiKey { get; init; }

    /// <summary>When set, every request answers this status with this error text instead.</summary>
    public (int Status, string Error)? Failure { get; set; }

    /// <summary>Answer nothing for this long (to test timeouts).</summary>
    public TimeSpan Delay { get; set; }

    public List<Recorded> Requests { get; } = [];

    public IReadOnlyDictionary<string, Collection> Collections => _collections;

    public static async Task<QdrantDouble> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var qdrant = new QdrantDouble(app) { ApiKey = apiKey };
        app.Run(qdrant.HandleAsync);
        await app.StartAsync();
        qdrant.BaseAddress = new Uri(app.Urls.Single());
        return qdrant;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = request.ContentLength is > 0 || request.Headers.ContainsKey("Transfer-Encoding")
            ? await JsonNode.ParseAsync(request.Body)
            : null;
        lock (_gate)
        {
            Requests.Add(new Recorded(request.Method, request.Path.Value!, request.QueryString.Value ?? "",
                request.Headers["api-key"].ToString(), request.ContentType, body?.DeepClone()));
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var (status, answer) = ApiKey is not null && request.Headers["api-key"] != ApiKey
            ? (401, Error("Must provide an API key or an Authorization bearer token"))
            : Failure is { } failure ? (failure.Status, Error(failure.Error)) : Route(request.Method, request.Path.Value!, body);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(answer);
    }

    private (int, JsonNode) Route(string method, string path, JsonNode? body)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length < 2 || parts[0] != "collections")
        {
            return (404, Error("Not found"));
        }

        var name = Uri.UnescapeDataString(parts[1]);
        lock (_gate)
        {
            var exists = _collections.TryGetValue(name, out var collection);
            return (method, parts.Length > 2 ? string.Join('/', parts[2..]) : "") switch
            {
                ("GET", "") => exists ? (200, Ok(Info(collection!))) : (404, Error($"Not found: Collection `{name}` doesn't exist!")),
                ("PUT", "") => exists ? (409, Error($"Wrong input: Collection `{name}` already exists!")) : Create(name, body),
                (_, _) when !exists => (404, Error($"Not found: Collection `{name}` doesn't exist!")),
                ("PUT", "points") => Upsert(collection!, body),
                ("POST", "points/delete") => Delete(collection!, body),
                ("POST", "points/query") => Query(collection!, body),
                _ => (404, Error("Not found")),
            };
        }
    }

    private (int, JsonNode) Create(string name, JsonNode? body)
    {
        if (body?["vectors"] is not JsonObject vectors || vectors["size"]?.GetValue<int>() is not > 0 ||
            vectors["distance"]?.GetValue<string>() is not ("Cosine" or "Dot" or "Euclid" or "Manhattan"))
        {
            return (400, Error("Format error in JSON body: missing field `vectors`"));
        }

        _collections[name] = new Collection(vectors["size"]!.GetValue<int>(), vectors["distance"]!.GetValue<string>());
        return (200, Ok(true));
    }

    private static (int, JsonNode) Upsert(Collection collection, JsonNode? body)
    {
        if (body?["points"] is not JsonArray points)
        {
            return (400, Error("Format error in JSON body: data did not match any variant of untagged enum PointInsertOperations"));
        }

        foreach (var point in points)
        {
            var id = point?["id"]?.GetValue<string>();
            var vector = point?["vector"]?.AsArray().Select(value => value!.GetValue<float>()).ToArray();
            if (id is null || !Guid.TryParse(id, out _))
            {
                return (400, Error($"Format error in JSON body: value {point?["id"]} is not a valid point ID, valid values are either an unsigned integer or a UUID"));
            }

            if (vector is null || vector.Length != collection.Size)
            {
                return (400, Error($"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {vector?.Length ?? 0}"));
            }

            collection.Points[id] = (vector, point!["payload"]?.AsObject() ?? []);
        }

        return (200, Ok(new JsonObject { ["operation_id"] = 1, ["status"] = "completed" }));
    }

    private static (int, JsonNode) Delete(Collection collection, JsonNode? body)
    {
        if (body?["points"] is not JsonArray points)
        {
            return (400, Error("Format error in JSON body: expected points or filter"));
        }

        foreach (var id in points)
        {
            collection.Points.Remove(id!.GetValue<string>());
        }

        return (200, Ok(new JsonObject { ["operation_id"] = 2, ["status"] = "completed" }));
    }

    private static (int, JsonNode) Query(Collection collection, JsonNode? body)
    {
        var query = body?["query"]?.AsArray().Select(value => value!.GetValue<float>()).ToArray();
        var limit = body?["limit"]?.GetValue<int>() ?? 10;
        if (query is null || query.Length != collection.Size)
        {
            return (400, Error($"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {query?.Length ?? 0}"));
        }

        var must = body!["filter"]?["must"]?.AsArray() ?? [];
        var include = body["with_payload"]?.AsArray().Select(key => key!.GetValue<string>()).ToHashSet() ?? [];
        var hits = collection.Points
            .Where(point => must.All(condition => Matches(point.Value.Payload, condition!)))
            .Select(point => (point.Key, point.Value.Payload, Score: Cosine(query, point.Value.Vector)))
            .OrderByDescending(hit => hit.Score)
            .Take(limit)
            .Select(hit => (JsonNode)new JsonObject
            {
                ["id"] = hit.Key,
                ["version"] = 0,
                ["score"] = hit.Score,
                ["payload"] = new JsonObject(hit.Payload.Where(pair => include.Contains(pair.Key))
                    .Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone()))),
            });
        return (200, Ok(new JsonObject { ["points"] = new JsonArray([.. hits]) }));
    }

    private static bool Matches(JsonObject payload, JsonNode condition)
    {
        var key = condition["key"]!.GetValue<string>();
        var any = condition["match"]!["any"]!.AsArray().Select(value => value!.GetValue<string>()).ToHashSet();
        return payload[key] is JsonArray values && values.Any(value => any.Contains(value!.GetValue<string>()));
    }

    private static float Cosine(float[] a, float[] b) =>
        System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

    private static JsonObject Info(Collection collection) => new()
    {
        ["status"] = "green",
        ["points_count"] = collection.Points.Count,
        ["config"] = new JsonObject
        {
            ["params"] = new JsonObject { ["vectors"] = new JsonObject { ["size"] = collection.Size, ["distance"] = collection.Distance } },
        },
    };

    private static JsonObject Ok(JsonNode result) => new() { ["result"] = result, ["status"] = "ok", ["time"] = 0.001 };

    private static JsonObject Error(string message) => new() { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0 };

    internal sealed record Recorded(string Method, string Path, string Query, string ApiKey, string? ContentType, JsonNode? Body);

    internal sealed class Collection(int size, string distance)
    {
        public int Size { get; } = size;

        public string Distance { get; } = distance;

        public Dictionary<string, (float[] Vector, JsonObject Payload)> Points { get; } = new(StringComparer.Ordinal);
    }
}
