using Conversational.Bots.Activities;

namespace Conversational.Bots.Conversations;

/// <summary>The activities a customer sees, read off the event log.</summary>
public static class ConversationTranscript
{
    /// <summary>The event as an activity stamped with its sequence number and time, or null if the customer does not see it.</summary>
    public static Activity? ToActivity(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var activity = stored.Event switch
        {
            UserMessaged user => user.Activity,
            BotReplied bot => bot.Activity,
            AgentReplied agent => agent.Activity,
            _ => null,
        };
        return activity is null
            ? null
            : activity with { Id = stored.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), Timestamp = stored.OccurredAt };
    }

    public static IReadOnlyList<Activity> ToActivities(IEnumerable<StoredEvent> events) =>
        [.. events.Select(ToActivity).OfType<Activity>()];
}
