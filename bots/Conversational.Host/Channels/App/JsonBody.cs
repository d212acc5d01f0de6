using System.Text.Json;
using Conversational.Bots.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversational.Host.Channels.App;

/// <summary>
/// Reads a JSON request body within a size limit, turning every way it can be wrong into a ProblemDetails
/// answer (400 malformed, 413 too large, 415 not JSON) before anything is written.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes,
        CancellationToken cancellationToken) where T : class
    {
        var (body, problem) = await ReadBytesAsync(request, maxBytes, cancellationToken);
        return problem is not null ? (null, problem) : Parse<T>(body);
    }

    /// <summary>The raw body, for a caller that must see its exact bytes first (a webhook checks their signature).</summary>
    public static async Task<(byte[] Body, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return ([], Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json)."));
        }

        return await ReadWithinAsync(request, maxBytes, cancellationToken);
    }

    /// <summary>The raw body of any content type, or 413 when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[] Body, ProblemHttpResult? Problem)> ReadWithinAsync(HttpRequest request, int maxBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return ([], TooLarge(maxBytes));
        }

        // Content-Length can be absent (chunked), so count what actually arrives.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>A body read by <see cref="ReadBytesAsync"/> as <typeparamref name="T"/>, or the 400 that says why not.</summary>
    public static (T? Value, ProblemHttpResult? Problem) Parse<T>(ReadOnlySpan<byte> body) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, ConversationJson.Options);
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}"));
        }
    }

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes.");

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
