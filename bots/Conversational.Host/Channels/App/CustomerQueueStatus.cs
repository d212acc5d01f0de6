using System.Text.Json.Serialization;
using Conversational.Handoff.Queues;

namespace Conversational.Host.Channels.App;

/// <summary>
/// What a waiting customer sees of the queue (排队提示): how many customers of their own level are ahead and about how
/// long it takes. The priority itself is never shown, so nobody learns that others may pass them (无感插队).
/// </summary>
/// <param name="State"><c>waiting</c>, <c>offered</c> (an agent is being asked), <c>assigned</c>, <c>cancelled</c> or <c>closed</c>.</param>
public sealed record CustomerQueueStatus(string State, int AheadOfSameLevel, int EstimatedWaitSeconds, string SkillGroup)
{
    public static CustomerQueueStatus From(QueuePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new(position.State.ToString().ToLowerInvariant(), position.AheadOfSameLevel, (int)Math.Ceiling(position.EstimatedWait.TotalSeconds),
            position.SkillGroup);
    }

    /// <summary>Still waiting for a person: the widget shows the queue banner.</summary>
    [JsonIgnore]
    public bool IsWaiting => State is "waiting" or "offered";
}
