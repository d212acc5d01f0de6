using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Packages;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The handoff package as a Bot Framework <c>handoff.initiate</c> event (research/protocols.md §4), for an agent hub that
/// speaks that protocol: <see cref="Value"/> is the package and the one attachment is the transcript.
/// </summary>
public sealed record HandoffInitiation(
    string Type,
    string Name,
    string Id,
    DateTimeOffset Timestamp,
    string ChannelId,
    ChannelAccount From,
    ConversationAccount Conversation,
    string? ReplyToId,
    HandoffPackage Value,
    IReadOnlyList<Attachment> Attachments)
{
    public const string EventType = "event";
    public const string EventName = "handoff.initiate";

    /// <summary>The Bot Framework SDK's EventFactory sends the transcript as JSON named "Transcript"; hubs find it by that name.</summary>
    public const string TranscriptName = "Transcript";
    public const string TranscriptContentType = "application/json";

    /// <summary>The event for <paramref name="package"/>, replying to the customer message that asked for a person.</summary>
    public static HandoffInitiation For(HandoffPackage package, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(events);
        var request = events.Last(e => e.Event is HandoffRequested);
        var trigger = events.LastOrDefault(e => e.Seq < request.Seq && e.Event is UserMessaged);
        return new HandoffInitiation(EventType, EventName, $"{package.ConversationId}-handoff-{request.Seq}", package.GeneratedAt, package.Channel,
            new ChannelAccount("bot", Role: RoleTypes.Bot), new ConversationAccount(package.ConversationId),
            trigger?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), package,
            [new Attachment(TranscriptContentType, new HandoffTranscript(HandoffPackageBuilder.MaskedActivities(events)), Name: TranscriptName)]);
    }
}

/// <summary>The Bot Framework <c>Transcript</c>: the conversation's activities.</summary>
public sealed record HandoffTranscript(IReadOnlyList<Activity> Activities);
