using System.Globalization;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Packages;
using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The conversation's events and the customer's app behaviour in time order. The same behaviour repeated (viewed the
/// installment page three times) is one entry with its count, at its first time, so repeats do not bury the rest.
/// </summary>
internal static class HandoffTimeline
{
    public static IReadOnlyList<PackageTimelineEntry> Build(IEnumerable<StoredEvent> events)
    {
        var entries = new List<PackageTimelineEntry>();
        var behaviours = new Dictionary<(string Action, string Label), int>();
        foreach (var stored in events)
        {
            if (stored.Event is CustomerBehaviour behaviour)
            {
                if (behaviours.TryGetValue((behaviour.Action, behaviour.Label), out var index))
                {
                    entries[index] = entries[index] with { Count = entries[index].Count + 1, LastAt = stored.OccurredAt };
                }
                else
                {
                    behaviours[(behaviour.Action, behaviour.Label)] = entries.Count;
                    entries.Add(new PackageTimelineEntry(stored.OccurredAt, PackageSources.App, behaviour.Action, behaviour.Label, 1, null));
                }
            }
            else if (Describe(stored.Event) is var (kind, detail))
            {
                entries.Add(new PackageTimelineEntry(stored.OccurredAt, PackageSources.Conversation, kind, detail, 1, null));
            }
        }

        return entries;
    }

    // Bot replies are left out: the transcript has them, and the timeline is about what the customer did.
    private static (string Kind, string Detail)? Describe(ConversationEvent conversationEvent) => conversationEvent switch
    {
        ConversationStarted started => ("started", $"{started.Channel} ({started.Locale})"),
        UserMessaged user => ("message", PiiMasker.Mask(user.Activity.Text ?? "")),
        IntentRecognized intent => ("intent", $"{intent.Intent} ({intent.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})"),
        SkillStepped stepped => ("skill_step", $"{stepped.Dialog.Skill} → {stepped.Dialog.Step}"),
        SkillEnded ended => ("skill_ended", $"{ended.Skill}: {ended.Outcome}"),
        SkillFactRecorded recorded => ("skill_fact", recorded.Fact.GetType().Name),
        EmotionFlagged flagged => ("emotion", $"{flagged.Kind} {flagged.Level}: {flagged.Cue}"),
        HandoffRequested requested => ("handoff_requested", requested.Reason),
        HandoffQueued queued => ("queued", $"{queued.SkillGroup} (priority {queued.Priority.ToString(CultureInfo.InvariantCulture)})"),
        AgentAssigned assigned => ("agent_assigned", assigned.AgentId),
        HandoffTransferred transferred => ("transferred", Transfer(transferred)),
        HandedBackToBot handedBack => ("handed_back", handedBack.ResumeStep is { } step ? $"{handedBack.AgentId} → {step}" : handedBack.AgentId),
        HandoffClosed closed => ("closed", $"{closed.AgentId}: {closed.Disposition}"),
        HandoffCancelled cancelled => ("cancelled", cancelled.TicketId is { } ticket ? $"{cancelled.Reason}: {ticket}" : cancelled.Reason),
        AgentRated rated => ("rated", $"{rated.AgentId}: {rated.Score.ToString(CultureInfo.InvariantCulture)}/5"),
        TurnFailed => ("turn_failed", "the bot could not answer"),
        DialogReset reset => ("dialog_reset", reset.Reason),
        _ => null,
    };

    // The note stays on the desk; the timeline says only who passed the customer to whom.
    private static string Transfer(HandoffTransferred transferred) =>
        $"{transferred.FromAgentId} → {transferred.ToAgentId ?? transferred.ToSkillGroup ?? "?"}";
}
