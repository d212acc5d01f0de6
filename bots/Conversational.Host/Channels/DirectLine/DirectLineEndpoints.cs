using System.Text.RegularExpressions;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Host.Channels.App;
using Conversational.Host.Channels.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Bot Framework Direct Line 3.0, so the official Web Chat and other Direct Line clients talk to the bot unchanged:
/// tokens, conversations, activities with watermarks and the WebSocket stream. It translates; the runtime decides.
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static WebApplication MapDirectLineChannelEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The stream needs WebSockets and Web Chat on the merchant's own site needs CORS; both leave other requests alone.
        app.UseWebSockets();
        app.UseCors();

        // Anonymous to ASP.NET Core: Direct Line has its own bearer credentials (a secret or a conversation's token).
        var directLine = app.MapGroup(BasePath).WithTags("Direct Line").AllowAnonymous()
            .RequireCors(DirectLineServiceCollectionExtensions.CorsPolicy);
        directLine.MapPost("/tokens/generate", GenerateTokenAsync)
            .WithSummary("With the secret: starts a conversation and returns a token for it (optional body: the user).");
        directLine.MapPost("/tokens/refresh", RefreshToken).WithSummary("With a token: the same grant with a fresh expiry.");
        directLine.MapPost("/conversations", StartAsync)
            .WithSummary("Starts a conversation (secret) or opens the token's one; returns the token and the stream URL.");
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync)
            .WithSummary("Reconnects: a fresh token and a stream URL that resumes after the watermark.");
        directLine.MapGet("/conversations/{conversationId}/activities", DirectLineActivities.GetAsync)
            .WithSummary("Activities after the watermark, with the new watermark.");
        directLine.MapPost("/conversations/{conversationId}/activities", DirectLineActivities.PostAsync)
            .RequireRateLimiting(DirectLineServiceCollectionExtensions.MessageRateLimit)
            .WithSummary("Sends a message activity; returns its id. The echo and the replies arrive on the stream or by polling.");
        directLine.MapGet("/conversations/{conversationId}/stream", StreamAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<DirectLineConversation>, JsonHttpResult<DirectLineError>>> GenerateTokenAsync(HttpRequest request,
        [AsParameters] DirectLineServices services)
    {
        var (caller, denied) = DirectLineCaller.Authenticate(request, services.Options.Value, services.Tokens);
        if (denied is not null)
        {
            return denied;
        }

        if (!caller!.HoldsSecret)
        {
            return DirectLineErrors.Forbidden("Generating a token needs the secret.");
        }

        var (body, problem) = await ReadOptionalAsync<DirectLineTokenRequest>(request, services);
        if (problem is not null)
        {
            return problem;
        }

        var (grant, refused) = await StartConversationAsync(body?.User, locale: null, services);
        if (refused is not null)
        {
            return refused;
        }

        var (token, expiresIn) = services.Tokens.Issue(grant!);
        return TypedResults.Ok(new DirectLineConversation(grant!.ConversationId, token, expiresIn, StreamUrl: null));
    }

    private static Results<Ok<DirectLineConversation>, JsonHttpResult<DirectLineError>> RefreshToken(HttpRequest request,
        [AsParameters] DirectLineServices services)
    {
        var (caller, denied) = DirectLineCaller.Authenticate(request, services.Options.Value, services.Tokens);
        if (denied is not null)
        {
            return denied;
        }

        if (caller!.Grant is not { } grant)
        {
            return DirectLineErrors.Forbidden("Only a token can be refreshed.");
        }

        var (token, expiresIn) = services.Tokens.Issue(grant);
        return TypedResults.Ok(new DirectLineConversation(grant.ConversationId, token, expiresIn, StreamUrl: null));
    }

    private static async Task<Results<Created<DirectLineConversation>, JsonHttpResult<DirectLineError>>> StartAsync(HttpRequest request,
        [AsParameters] DirectLineServices services)
    {
        var (caller, denied) = DirectLineCaller.Authenticate(request, services.Options.Value, services.Tokens);
        if (denied is not null)
        {
            return denied;
        }

        DirectLineGrant grant;
        if (caller!.Grant is { } existing)
        {
            // A token names its conversation already (tokens/generate started it); opening it again is the same conversation.
            if (await FindAsync(existing.ConversationId, services, request.HttpContext.RequestAborted) is null)
            {
                return DirectLineErrors.NotFound(existing.ConversationId);
            }

            grant = existing;
        }
        else
        {
            var (body, problem) = await ReadOptionalAsync<DirectLineStartRequest>(request, services);
            if (problem is not null)
            {
                return problem;
            }

            var started = await StartConversationAsync(body?.User, DirectLineActivityMapper.Locale(body?.Locale), services);
            if (started.Problem is not null)
            {
                return started.Problem;
            }

            grant = started.Grant!;
        }

        var conversation = Connection(request, grant, watermark: null, services);
        return TypedResults.Created($"{BasePath}/conversations/{grant.ConversationId}", conversation);
    }

    private static async Task<Results<Ok<DirectLineConversation>, JsonHttpResult<DirectLineError>>> ReconnectAsync(string conversationId,
        string? watermark, HttpRequest request, [AsParameters] DirectLineServices services)
    {
        var (access, denied) = await AuthorizeAsync(request, conversationId, services);
        if (denied is not null)
        {
            return denied;
        }

        if (!DirectLineActivityMapper.TryParseWatermark(watermark, out var seq))
        {
            return DirectLineErrors.BadArgument("watermark is not one this service gave out.");
        }

        return TypedResults.Ok(Connection(request, access!.Grant, seq, services));
    }

    private static async Task StreamAsync(string conversationId, string? watermark, HttpContext http, DirectLineStream stream,
        [AsParameters] DirectLineServices services)
    {
        var (_, denied) = await AuthorizeAsync(http.Request, conversationId, services, tokenInUrl: true);
        if (denied is not null)
        {
            await denied.ExecuteAsync(http);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest || !DirectLineActivityMapper.TryParseWatermark(watermark, out var seq))
        {
            await DirectLineErrors.BadArgument("The stream is a WebSocket, opened with the streamUrl given out.").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, seq, http.RequestAborted);
    }

    /// <summary>The caller and the conversation, if the caller may use it: 401/403 for credentials, 404 if it is not a Direct Line one.</summary>
    internal static async Task<(ConversationAccess? Access, JsonHttpResult<DirectLineError>? Denied)> AuthorizeAsync(HttpRequest request,
        string conversationId, DirectLineServices services, bool tokenInUrl = false)
    {
        var (caller, denied) = DirectLineCaller.Authenticate(request, services.Options.Value, services.Tokens, tokenInUrl);
        if (denied is not null)
        {
            return (null, denied);
        }

        if (!caller!.MayUse(conversationId))
        {
            return (null, DirectLineErrors.Forbidden("The token is for another conversation."));
        }

        return await FindAsync(conversationId, services, request.HttpContext.RequestAborted) is { } conversation
            ? (new ConversationAccess(caller, conversation), null)
            : (null, DirectLineErrors.NotFound(conversationId));
    }

    internal sealed record ConversationAccess(DirectLineCaller Caller, ConversationRecord Conversation)
    {
        /// <summary>The token's grant, or for a secret holder the conversation's own user.</summary>
        public DirectLineGrant Grant => Caller.Grant ?? DirectLineGrant.Of(Conversation);
    }

    private static async Task<ConversationRecord?> FindAsync(string conversationId, DirectLineServices services, CancellationToken cancellationToken)
    {
        var record = await services.Store.FindAsync(conversationId, cancellationToken);
        // Conversations of other channels are not reachable with Direct Line credentials, not even the secret.
        return record?.Channel == DirectLineActivityMapper.ChannelId ? record : null;
    }

    private static async Task<(DirectLineGrant? Grant, JsonHttpResult<DirectLineError>? Problem)> StartConversationAsync(DirectLineAccount? user,
        string? locale, DirectLineServices services)
    {
        if (user?.Id is { } requested && !UserId().IsMatch(requested))
        {
            return (null, DirectLineErrors.BadArgument("user.id must be 1 to 64 letters, digits or _-.:@ characters."));
        }

        // A known customer is served as signed in (the secret holder vouches for them); any other id is a new visitor.
        var customerId = user?.Id ?? "dl_" + Guid.CreateVersion7().ToString("N");
        await services.Customers.AddIfMissingAsync(new CustomerProfile(customerId, user?.Name ?? "访客", CustomerTags.Visitor, 0, null, null,
            [CustomerTags.Visitor]), services.Lifetime.ApplicationStopping);
        // The greeting turn runs to the end even if the client hangs up: it is stored and delivered when the client reads.
        var turn = await services.Runtime.StartAsync(customerId, DirectLineActivityMapper.ChannelId,
            locale ?? services.BotOptions.Value.DefaultLocale, services.Lifetime.ApplicationStopping);
        return (new DirectLineGrant(turn.ConversationId, customerId), null);
    }

    /// <summary>A fresh token and the pre-authorized stream URL (the browser's WebSocket cannot send headers).</summary>
    private static DirectLineConversation Connection(HttpRequest request, DirectLineGrant grant, long? watermark, DirectLineServices services)
    {
        var (token, expiresIn) = services.Tokens.Issue(grant);
        var scheme = request.IsHttps ? "wss" : "ws";
        var resume = watermark is { } seq ? $"watermark={DirectLineActivityMapper.Watermark(seq)}&" : "";
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{grant.ConversationId}/stream?{resume}t={Uri.EscapeDataString(token)}";
        return new DirectLineConversation(grant.ConversationId, token, expiresIn, streamUrl);
    }

    /// <summary>An optional JSON body: none at all is fine (DirectLineJS and curl often send none).</summary>
    private static async Task<(T? Body, JsonHttpResult<DirectLineError>? Problem)> ReadOptionalAsync<T>(HttpRequest request,
        DirectLineServices services) where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return (null, null);
        }

        var (body, problem) = await JsonBody.ReadAsync<T>(request, services.Options.Value.MaxRequestBodyBytes, request.HttpContext.RequestAborted);
        return problem is null ? (body, null) : (null, DirectLineErrors.FromProblem(problem));
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-.:@]{1,64}$")]
    private static partial Regex UserId();
}
