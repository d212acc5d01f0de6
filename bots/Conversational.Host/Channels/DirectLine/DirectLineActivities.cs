using System.Globalization;
using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Host.Channels.App;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>Reading a conversation's activities after a watermark (polling clients) and posting the customer's messages.</summary>
public static class DirectLineActivities
{
    private const int MaxClientActivityIdLength = 128;

    public static async Task<Results<Ok<DirectLineActivitySet>, JsonHttpResult<DirectLineError>>> GetAsync(string conversationId,
        string? watermark, HttpRequest request, [AsParameters] DirectLineServices services, CancellationToken cancellationToken)
    {
        var (_, denied) = await DirectLineEndpoints.AuthorizeAsync(request, conversationId, services);
        if (denied is not null)
        {
            return denied;
        }

        if (!DirectLineActivityMapper.TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.BadArgument("watermark is not one this service gave out.");
        }

        var events = await services.Store.ReadAsync(conversationId, after, cancellationToken);
        var activities = events.Select(DirectLineActivityMapper.ToDirectLine).OfType<DirectLineActivity>().ToList();
        var next = events.Count > 0 ? events[^1].Seq : after;
        return TypedResults.Ok(new DirectLineActivitySet(activities, DirectLineActivityMapper.Watermark(next)));
    }

    public static async Task<Results<Ok<DirectLineResourceResponse>, JsonHttpResult<DirectLineError>>> PostAsync(string conversationId,
        HttpRequest request, [AsParameters] DirectLineServices services, CancellationToken cancellationToken)
    {
        var (access, denied) = await DirectLineEndpoints.AuthorizeAsync(request, conversationId, services);
        if (denied is not null)
        {
            return denied;
        }

        var options = services.Options.Value;
        var (incoming, problem) = await JsonBody.ReadAsync<DirectLineIncomingActivity>(request, options.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return DirectLineErrors.FromProblem(problem);
        }

        if (Validate(incoming!, options) is { } invalid)
        {
            return DirectLineErrors.BadArgument(invalid);
        }

        var activity = DirectLineActivityMapper.ToActivity(incoming!, access!.Conversation, access.Grant.UserId);
        services.Typing.Signal(conversationId);
        // A repeated clientActivityID (a client retrying after a lost answer) returns the first delivery's outcome.
        var turn = await services.Runtime.ProcessAsync(conversationId, activity, ClientActivityId(incoming!),
            services.Lifetime.ApplicationStopping);
        var echoSeq = long.Parse(turn.Activities[0].Id!, CultureInfo.InvariantCulture);
        return TypedResults.Ok(new DirectLineResourceResponse(DirectLineActivityMapper.ActivityId(conversationId, echoSeq)));
    }

    /// <summary>Why the activity cannot be taken, or null. Only text messages reach the bot.</summary>
    private static string? Validate(DirectLineIncomingActivity incoming, DirectLineOptions options)
    {
        if (incoming.Type != ActivityTypes.Message)
        {
            return "Only message activities are accepted.";
        }

        if (incoming.Attachments is { ValueKind: JsonValueKind.Array } attachments && attachments.GetArrayLength() > 0)
        {
            return "Attachments are not accepted; send text.";
        }

        if (string.IsNullOrWhiteSpace(incoming.Text))
        {
            return "text is required and must not be blank.";
        }

        if (incoming.Text.Length > options.MaxMessageLength)
        {
            return $"text is longer than {options.MaxMessageLength} characters.";
        }

        if (incoming.ChannelData is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return "channelData must be an object.";
        }

        return ClientActivityIdProperty(incoming) is { } id
            && (id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 and <= MaxClientActivityIdLength })
            ? $"channelData.clientActivityID must be a string of 1 to {MaxClientActivityIdLength} characters."
            : null;
    }

    private static string? ClientActivityId(DirectLineIncomingActivity incoming) => ClientActivityIdProperty(incoming)?.GetString();

    private static JsonElement? ClientActivityIdProperty(DirectLineIncomingActivity incoming) =>
        incoming.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("clientActivityID", out var id) ? id : null;
}
