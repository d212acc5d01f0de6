using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>Errors in the protocol's own shape, with its codes, since Direct Line clients read <c>error.code</c>.</summary>
public static class DirectLineErrors
{
    public static JsonHttpResult<DirectLineError> Create(int status, string code, string message) =>
        TypedResults.Json(new DirectLineError(new DirectLineErrorDetail(code, message)), statusCode: status);

    public static JsonHttpResult<DirectLineError> BadArgument(string message) =>
        Create(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static JsonHttpResult<DirectLineError> Forbidden(string message) =>
        Create(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static JsonHttpResult<DirectLineError> NotFound(string conversationId) =>
        Create(StatusCodes.Status404NotFound, "NotFound", $"Conversation {conversationId} was not found.");

    /// <summary>A body the shared JSON reader refused (malformed 400, too large 413, not JSON 415), re-worded for Direct Line.</summary>
    public static JsonHttpResult<DirectLineError> FromProblem(ProblemHttpResult problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var code = problem.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "MessageSizeTooBig",
            StatusCodes.Status415UnsupportedMediaType => "BadArgument",
            _ => "BadSyntax",
        };
        return Create(problem.StatusCode, code, problem.ProblemDetails.Detail ?? code);
    }
}
