using System.Text.Json.Nodes;
using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Embeddings.OpenAI;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Conversational.Knowledge.Tests.Embeddings.OpenAI;

/// <summary>
/// The OpenAI-compatible embedder against a fake endpoint on a loopback port that checks the request shape
/// (<c>POST /v1/embeddings</c>, model, input array, bearer key) and answers as the OpenAI API does.
/// </summary>
public sealed class OpenAIEmbeddingsTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private readonly List<(string Path, string Authorization, JsonNode Body)> _requests = [];
    private int _answerDimensions = 3;
    private int _failWith;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapPost("/v1/embeddings", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            lock (_requests)
            {
                _requests.Add((context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            }

            if (_failWith != 0)
            {
                context.Response.StatusCode = _failWith;
                await context.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["error"] = new JsonObject { ["message"] = "The model is overloaded", ["type"] = "server_error" },
                });
                return;
            }

            var inputs = body["input"]!.AsArray().Select(input => input!.GetValue<string>()).ToList();
            var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
            var data = inputs.Select((text, index) =>
            {
                var vector = Vector(text, _answerDimensions);
                JsonNode embedding = base64
                    ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                    : new JsonArray([.. vector.Select(value => JsonValue.Create(value))]);
                return (JsonNode)new JsonObject { ["object"] = "embedding", ["index"] = index, ["embedding"] = embedding };
            });
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray([.. data]),
                ["model"] = body["model"]!.GetValue<string>(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 5, ["total_tokens"] = 5 },
            });
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>What the fake answers for a text: its length, its first character's code and 1, then zeros.</summary>
    private static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        float[] head = [text.Length, text.Length == 0 ? 0 : text[0], 1];
        head.AsSpan(0, Math.Min(3, dimensions)).CopyTo(vector);
        return vector;
    }

    private IEmbeddingGenerator<string, Embedding<float>> Generator(string? apiKey = "sk-test") => OpenAIEmbeddings.Create(new OpenAIEmbeddingOptions
    {
        Endpoint = new Uri(new Uri(_server.Urls.Single()), "/v1"),
        Model = "text-embedding-3-small",
        ApiKey = apiKey,
        Dimensions = 3,
        MaxRetries = 0,
    });

    [Fact]
    public async Task Generate_PostsModelInputsAndBearerKeyToV1Embeddings_AndReturnsOneVectorPerInputInOrder()
    {
        using var generator = Generator();

        var embeddings = await generator.GenerateAsync(["退货", "how do I return"]);

        var request = Assert.Single(_requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("text-embedding-3-small", request.Body["model"]!.GetValue<string>());
        Assert.Equal(["退货", "how do I return"], request.Body["input"]!.AsArray().Select(input => input!.GetValue<string>()));
        Assert.Equal(2, embeddings.Count);
        Assert.Equal(Vector("退货", 3), embeddings[0].Vector.ToArray());
        Assert.Equal(Vector("how do I return", 3), embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task EndpointFails_ThrowsNamingTheEndpointModelAndStatus()
    {
        using var generator = Generator();
        _failWith = 503;

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() => generator.GenerateAsync(["退货"]));

        Assert.Contains("text-embedding-3-small", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointReturnsTheWrongDimension_ThrowsSayingWhatWasExpected()
    {
        using var generator = Generator();
        _answerDimensions = 5;

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() => generator.GenerateAsync(["退货"]));

        Assert.Contains("5 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("expects 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointUnreachable_ThrowsNamingTheEndpoint()
    {
        var address = new Uri(_server.Urls.Single());
        await _server.StopAsync();
        using var generator = OpenAIEmbeddings.Create(new OpenAIEmbeddingOptions
        {
            Endpoint = new Uri(address, "/v1"), Model = "m", ApiKey = "k", Dimensions = 3, MaxRetries = 0,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => generator.GenerateAsync(["退货"]));

        Assert.IsType<EmbeddingProviderException>(error);
        Assert.Contains(address.Authority, error.Message, StringComparison.Ordinal);
    }
}
