using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Handoff.Packages;
using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Bots.Handoff;

/// <summary>
/// Reads a <see cref="HandoffPackage"/> off a conversation's event log. It lives with the bots, not in the handoff
/// project, because it reads the bots' events and the handoff project must not reference the bots (the bots reference
/// it). Agents see the customer's real words; only phone, ID and card numbers are masked (<see cref="PiiMasker"/>),
/// because the package leaves the bot for the agent desk and other hubs.
/// </summary>
public static class HandoffPackageBuilder
{
    /// <summary>The package as of <paramref name="now"/>, or null when nobody asked for a person in this conversation.</summary>
    public static HandoffPackage? Build(ConversationRecord conversation, IReadOnlyList<StoredEvent> events, CustomerProfile? profile,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(events);
        var request = events.LastOrDefault(e => e.Event is HandoffRequested);
        if (request is null)
        {
            return null;
        }

        var requested = (HandoffRequested)request.Event;
        var assignedAt = events.FirstOrDefault(e => e.Seq > request.Seq && e.Event is AgentAssigned)?.OccurredAt;
        var handoff = new PackageHandoff(requested.Reason, request.OccurredAt, assignedAt,
            Math.Max(0, ((assignedAt ?? now) - request.OccurredAt).TotalSeconds));

        // The dialog the request carried is where the bot resumes; without one, whatever dialog was active then.
        var dialog = requested.Dialog ?? ConversationState.Replay(conversation.Id, events.TakeWhile(e => e.Seq <= request.Seq)).ActiveDialog;
        var skill = dialog is null ? null : new PackageSkill(dialog.Skill, dialog.Step, dialog.Slots);

        var intents = events.Select(e => e.Event is IntentRecognized i ? new PackageIntent(i.Intent, i.Confidence, e.OccurredAt) : null)
            .OfType<PackageIntent>().ToList();
        var emotions = events
            .Select(e => e.Event is EmotionFlagged f ? new PackageEmotion(e.OccurredAt, f.Kind.ToString(), f.Level.ToString(), f.Cue) : null)
            .OfType<PackageEmotion>().ToList();

        var customer = ToCustomer(conversation.CustomerId, profile);
        var package = new HandoffPackage(HandoffPackage.CurrentVersion, conversation.Id, now, customer, conversation.Channel, conversation.Locale,
            handoff, intents, skill, Transcript(events), HandoffTimeline.Build(events), emotions, new PackageSummary("", ""));
        return package with { Summary = HandoffSummaryWriter.Write(package) };
    }

    /// <summary>The customer's, the bot's and agents' messages with phone, ID and card numbers masked, as activities.</summary>
    public static IReadOnlyList<Activity> MaskedActivities(IEnumerable<StoredEvent> events) =>
        [.. ConversationTranscript.ToActivities(events).Select(a => a.Text is null ? a : a with { Text = PiiMasker.Mask(a.Text) })];

    private static List<PackageMessage> Transcript(IEnumerable<StoredEvent> events) =>
        [.. MaskedActivities(events).Select(a => new PackageMessage(Speaker(a.From?.Role), a.Timestamp ?? default, a.Text ?? ""))];

    private static string Speaker(string? role) => role switch
    {
        RoleTypes.User => PackageSpeakers.Customer,
        RoleTypes.Agent => PackageSpeakers.Agent,
        _ => PackageSpeakers.Bot,
    };

    private static PackageCustomer ToCustomer(string customerId, CustomerProfile? profile) => profile is null
        ? new PackageCustomer(customerId, "", CustomerTags.Visitor, 0, false, [])
        : new PackageCustomer(profile.Id, MaskName(profile.DisplayName), profile.Tier, profile.VipLevel, profile.VipLevel > 0, profile.Tags);

    // The surname is enough to address a customer (王女士); the full name is more than an agent needs.
    internal static string MaskName(string name)
    {
        var letters = new StringInfo(name.Trim());
        return letters.LengthInTextElements == 0
            ? ""
            : letters.SubstringByTextElements(0, 1) + new string('*', letters.LengthInTextElements - 1);
    }
}
