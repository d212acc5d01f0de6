using System.Security.Claims;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Host.Channels.App;
using Conversational.Host.Security;
using Conversational.Knowledge.Understanding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The app channel: where a message from the web widget or a mobile app enters. It translates HTTP to activities
/// and back; the bot's decisions happen in the runtime.
/// </summary>
public static class AppChannelEndpoints
{
    public const string Channel = "app";
    private const int MaxClientMessageIdLength = 128;

    public static WebApplication MapAppChannelEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/visitors", CreateVisitorAsync).AllowAnonymous().WithTags("App")
            .RequireRateLimiting(AppChannelServiceCollectionExtensions.VisitorRateLimit)
            .WithSummary("Creates an anonymous web visitor and returns a customer token for it.");

        app.MapPost("/api/customer-sessions", CustomerSessions.StartAsync).AllowAnonymous().WithTags("App")
            .RequireRateLimiting(AppChannelServiceCollectionExtensions.VisitorRateLimit)
            .WithSummary("The merchant's back end (X-Api-Key) signs in a customer it has logged in and gets a customer token.");

        var conversations = app.MapGroup("/api/conversations").WithTags("App").RequireAuthorization(SecuritySchemes.CustomerPolicy);
        conversations.MapGet("/", ListAsync).WithSummary("The caller's conversations, newest first.");
        conversations.MapPost("/", StartAsync).WithSummary("Starts a conversation; the bot's greeting comes back.");
        conversations.MapGet("/{conversationId}/activities", ActivitiesAsync).WithSummary("Activities after the 'after' cursor.");
        conversations.MapPost("/{conversationId}/messages", SendAsync)
            .RequireRateLimiting(AppChannelServiceCollectionExtensions.MessageRateLimit)
            .WithSummary("Sends a customer message and returns it with the bot's replies.");
        conversations.MapGet("/{conversationId}/stream", AppActivityStream.StreamAsync)
            .WithSummary("Server-sent events: every new activity, live, and the queue position while waiting for a person.");
        conversations.MapGet("/{conversationId}/queue", QueueAsync)
            .WithSummary("Where the conversation stands in the queue for a person; 404 when it was never queued.");
        return app;
    }

    private static async Task<Created<CustomerSession>> CreateVisitorAsync([AsParameters] AppChannelServices services,
        CancellationToken cancellationToken)
    {
        var customerId = "v" + Guid.CreateVersion7().ToString("N");
        await services.Customers.AddIfMissingAsync(new CustomerProfile(customerId, "访客", CustomerTags.Visitor, 0, null, null, [CustomerTags.Visitor]),
            cancellationToken);
        var (token, expiresAt) = services.Tokens.Issue(customerId, services.Options.Value.CustomerTokenLifetime);
        return TypedResults.Created((string?)null, new CustomerSession(customerId, token, expiresAt));
    }

    private static async Task<Ok<IReadOnlyList<ConversationSummary>>> ListAsync(ClaimsPrincipal user, [AsParameters] AppChannelServices services,
        CancellationToken cancellationToken)
    {
        var records = await services.Store.ListByCustomerAsync(CustomerId(user), 50, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConversationSummary>>(
            [.. records.Select(r => new ConversationSummary(r.Id, r.Channel, r.Locale, r.StartedAt))]);
    }

    private static async Task<Results<Created<TurnResponse>, ProblemHttpResult>> StartAsync(HttpRequest request, ClaimsPrincipal user,
        [AsParameters] AppChannelServices services)
    {
        var locale = services.BotOptions.Value.DefaultLocale;
        if (request.ContentLength > 0 || request.HasJsonContentType())
        {
            var body = await JsonBody.ReadAsync<StartConversationRequest>(request, services.Options.Value.MaxRequestBodyBytes,
                request.HttpContext.RequestAborted);
            if (body.Problem is { } problem)
            {
                return problem;
            }

            locale = body.Value!.Locale ?? locale;
        }

        if (locale is not (TextLanguage.Chinese or TextLanguage.English))
        {
            return BadRequest($"locale must be {TextLanguage.Chinese} or {TextLanguage.English}.");
        }

        // The turn runs to the end even if the client hangs up: its reply is stored and arrives on the next read.
        var turn = await services.Runtime.StartAsync(CustomerId(user), Channel, locale, services.Lifetime.ApplicationStopping);
        var response = new TurnResponse(turn.ConversationId, turn.Activities, turn.Watermark, turn.Replayed);
        return TypedResults.Created($"/api/conversations/{turn.ConversationId}", response);
    }

    private static async Task<Results<Ok<ActivitySet>, ProblemHttpResult>> ActivitiesAsync(string conversationId, long? after,
        ClaimsPrincipal user, [AsParameters] AppChannelServices services, CancellationToken cancellationToken)
    {
        if (await FindOwnedAsync(conversationId, user, services, cancellationToken) is null)
        {
            return NotFound(conversationId);
        }

        var events = await services.Store.ReadAsync(conversationId, Math.Max(after ?? 0, 0), cancellationToken);
        var watermark = events.Count > 0 ? events[^1].Seq : after ?? 0;
        return TypedResults.Ok(new ActivitySet(conversationId, ConversationTranscript.ToActivities(events), watermark));
    }

    private static async Task<Results<Ok<TurnResponse>, ProblemHttpResult>> SendAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] AppChannelServices services, CancellationToken cancellationToken)
    {
        var options = services.Options.Value;
        var body = await JsonBody.ReadAsync<SendMessageRequest>(request, options.MaxRequestBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var message = body.Value!;
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return BadRequest("text is required and must not be blank.");
        }

        if (message.Text.Length > options.MaxMessageLength)
        {
            return BadRequest($"text is longer than {options.MaxMessageLength} characters.");
        }

        if (message.ClientMessageId is { Length: 0 or > MaxClientMessageIdLength })
        {
            return BadRequest($"clientMessageId must be 1 to {MaxClientMessageIdLength} characters.");
        }

        if (await FindOwnedAsync(conversationId, user, services, cancellationToken) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = conversation.Channel,
            From = new ChannelAccount(conversation.CustomerId, Role: RoleTypes.User),
            Recipient = new ChannelAccount("bot", Role: RoleTypes.Bot),
            Conversation = new ConversationAccount(conversation.Id),
            Text = message.Text.Trim(),
            Locale = message.Locale ?? conversation.Locale,
        };
        var turn = await services.Runtime.ProcessAsync(conversation.Id, activity, message.ClientMessageId, services.Lifetime.ApplicationStopping);
        return TypedResults.Ok(new TurnResponse(turn.ConversationId, turn.Activities, turn.Watermark, turn.Replayed));
    }

    private static async Task<Results<Ok<CustomerQueueStatus>, ProblemHttpResult>> QueueAsync(string conversationId, ClaimsPrincipal user,
        [AsParameters] AppChannelServices services, CancellationToken cancellationToken)
    {
        if (await FindOwnedAsync(conversationId, user, services, cancellationToken) is null)
        {
            return NotFound(conversationId);
        }

        return await services.Queue.PositionAsync(conversationId, cancellationToken) is { } position
            ? TypedResults.Ok(CustomerQueueStatus.From(position))
            : TypedResults.Problem($"Conversation {conversationId} is not queued for a person.", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>The conversation if it is the caller's. Someone else's answers exactly like a missing one: no leak of existence.</summary>
    internal static async Task<ConversationRecord?> FindOwnedAsync(string conversationId, ClaimsPrincipal user, AppChannelServices services,
        CancellationToken cancellationToken)
    {
        var record = await services.Store.FindAsync(conversationId, cancellationToken);
        return record is not null && record.CustomerId == CustomerId(user) ? record : null;
    }

    internal static ProblemHttpResult NotFound(string conversationId) =>
        TypedResults.Problem($"Conversation {conversationId} was not found.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static string CustomerId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A customer principal has no id.");
}
