using System.Security.Cryptography;
using Conversational.Host.Channels.App;
using Conversational.Host.Webhooks;
using Conversational.Skills.Returns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Where the warehouse and the carriers tell us that a return ticket moved (approved, shipped back, received,
/// refunded, …). Every request is signed (<see cref="WebhookSignature"/>); each accepted change is stored with its
/// outbox event, which the outbound notifier turns into a message for the customer.
/// </summary>
public static partial class WarehouseWebhookEndpoints
{
    public const string Route = "/api/webhooks/warehouse/returns/status";
    private const int MaxNoteLength = 500;

    public static WebApplication MapWarehouseWebhookEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, ReceiveAsync).AllowAnonymous().WithTags("Webhooks")
            .WithSummary("A return ticket's new status, signed by the warehouse or carrier; replays change nothing.")
            .WithDescription(
                "Body: {\"rmaId\":\"RMA20261123001\",\"status\":\"CustomerShipped\",\"at\":\"2026-11-24T09:30:00+08:00\",\"note\":\"顺丰 SF…\"}. "
                + $"Headers: {WebhookSignature.TimestampHeader} (unix seconds, within the configured tolerance, 5 minutes by default), "
                + $"{WebhookSignature.DeliveryHeader} (unique per delivery, reused by its retries; [A-Za-z0-9_-]{{1,128}}), "
                + $"{WebhookSignature.SignatureHeader} ({WebhookSignature.SignaturePrefix} + lowercase hex HMAC-SHA256 of "
                + "\"{timestamp}.{deliveryId}.\" + raw body, keyed with Returns:WebhookSecret). "
                + "200: moved, or this delivery id was seen before with the same body (replayed: true, nothing changed). "
                + "400: malformed JSON or fields. 401: missing or bad signature headers, or a stale timestamp. "
                + "404: unknown ticket. 409: the lifecycle does not allow the move from the ticket's status, or the delivery id "
                + "was used for a different body; nothing changed. 413: body too large. 415: not JSON.")
            .Produces<RmaStatusAccepted>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<Ok<RmaStatusAccepted>, ProblemHttpResult>> ReceiveAsync(HttpRequest request, RmaStore rmas,
        IOptions<WarehouseWebhookOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(WarehouseWebhookEndpoints));
        var (timestamp, deliveryId, signature) = (Header(request, WebhookSignature.TimestampHeader),
            Header(request, WebhookSignature.DeliveryHeader), Header(request, WebhookSignature.SignatureHeader));
        if (timestamp is null || deliveryId is null || signature is null)
        {
            // Nothing unauthenticated is read further than its headers.
            LogRejected(logger, WebhookVerification.MissingHeader);
            return Problem(StatusCodes.Status401Unauthorized, "The signature headers are missing.");
        }

        var (body, unreadable) = await JsonBody.ReadBytesAsync(request, settings.MaxWebhookBodyBytes, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var now = time.GetUtcNow();
        var verification = WebhookSignature.Verify(settings.WebhookSecret, timestamp, deliveryId, signature, body, now, settings.WebhookTolerance);
        if (verification != WebhookVerification.Valid)
        {
            LogRejected(logger, verification);
            return Problem(StatusCodes.Status401Unauthorized, verification == WebhookVerification.StaleTimestamp
                ? "The timestamp is too far from now; sign each delivery when it is sent."
                : "The request is not signed with the shared secret.");
        }

        var (notice, malformed) = JsonBody.Parse<RmaStatusNotice>(body);
        if (malformed is not null)
        {
            return malformed;
        }

        if (Validate(notice!, now, settings.WebhookTolerance) is { } invalid)
        {
            return Problem(StatusCodes.Status400BadRequest, invalid);
        }

        var update = new RmaStatusUpdate(notice!.RmaId!, Enum.Parse<RmaStatus>(notice.Status!), notice.At ?? now, notice.Note);
        var delivery = new WebhookDelivery(deliveryId, Convert.ToHexStringLower(SHA256.HashData(body)), now);
        return await rmas.ApplyDeliveryAsync(delivery, update, cancellationToken) switch
        {
            RmaUpdated { Change: var change, Repeated: var repeated } =>
                TypedResults.Ok(new RmaStatusAccepted(change.RmaId, change.From, change.To, change.At, repeated)),
            RmaNotFound missing => Problem(StatusCodes.Status404NotFound, $"Return {missing.RmaId} was not found."),
            RmaMoveRefused refused => Problem(StatusCodes.Status409Conflict,
                $"Return {refused.RmaId} is {refused.From} and cannot move to {refused.To}; nothing changed."),
            RmaDeliveryReused reused => Problem(StatusCodes.Status409Conflict,
                $"Delivery {reused.DeliveryId} was already used for a different request; nothing changed."),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary>What is wrong with the notice's fields, or null.</summary>
    private static string? Validate(RmaStatusNotice notice, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(notice.RmaId))
        {
            return "rmaId is required.";
        }

        // Names only: the enum would also take "3" or "warehousereceived", which no sender should rely on.
        if (notice.Status is null || !Enum.GetNames<RmaStatus>().Contains(notice.Status, StringComparer.Ordinal))
        {
            return $"status must be one of {string.Join(", ", Enum.GetNames<RmaStatus>())}.";
        }

        if (notice.Status == nameof(RmaStatus.Rejected) && string.IsNullOrWhiteSpace(notice.Note))
        {
            return "A rejection needs a note saying why; the customer reads it.";
        }

        if (notice.Note?.Length > MaxNoteLength)
        {
            return $"note is longer than {MaxNoteLength} characters.";
        }

        return notice.At > now + tolerance ? "at is in the future." : null;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warehouse webhook rejected: {Verification}")]
    private static partial void LogRejected(ILogger logger, WebhookVerification verification);
}
