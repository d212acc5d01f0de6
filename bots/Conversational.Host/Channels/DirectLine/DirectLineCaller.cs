using Conversational.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>
/// Who is calling: a secret holder (the merchant's back end: every Direct Line conversation) or a token holder (one
/// conversation). Direct Line carries either as <c>Authorization: Bearer</c>; only the stream's URL carries a token, as
/// <c>t</c>, since a browser's WebSocket cannot send headers (elsewhere a token in a URL would only end up in logs).
/// </summary>
public sealed record DirectLineCaller(DirectLineGrant? Grant)
{
    public bool HoldsSecret => Grant is null;

    public bool MayUse(string conversationId) => Grant is null || string.Equals(Grant.ConversationId, conversationId, StringComparison.Ordinal);

    /// <summary>The caller, or the answer to give instead: 401 without credentials, 403 for a wrong or expired one.</summary>
    public static (DirectLineCaller? Caller, JsonHttpResult<DirectLineError>? Denied) Authenticate(HttpRequest request,
        DirectLineOptions options, DirectLineTokens tokens, bool tokenInUrl = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        var header = request.Headers.Authorization.ToString();
        var credential = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : tokenInUrl ? request.Query["t"].ToString() : "";
        if (credential.Length == 0)
        {
            return (null, DirectLineErrors.Create(StatusCodes.Status401Unauthorized, "Unauthorized",
                "A Direct Line secret or token is required (Authorization: Bearer)."));
        }

        if (SharedSecrets.IsKnown(credential, options.Secrets))
        {
            return (new DirectLineCaller(Grant: null), null);
        }

        // Expired and unknown look the same to the caller: DirectLineJS reads 403 as "token expired" either way.
        return tokens.TryRead(credential, out var grant)
            ? (new DirectLineCaller(grant), null)
            : (null, DirectLineErrors.Create(StatusCodes.Status403Forbidden, "TokenExpired", "The token is invalid or has expired."));
    }
}
