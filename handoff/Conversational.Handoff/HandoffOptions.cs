using System.ComponentModel.DataAnnotations;

namespace Conversational.Handoff;

/// <summary>Queues, offers and presence. Bound from the <c>Handoff</c> section, validated at start.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>How long an agent has to accept an offer before it goes to the next agent.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An agent whose desk has not been heard from for this long counts as offline.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time one chat takes, for the wait estimate until a group has its own history.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "02:00:00")]
    public TimeSpan AverageHandleTime { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>Per skill group: where its customers overflow (溢出) and after how long a wait.</summary>
    public Dictionary<string, QueueGroupOptions> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One skill group's overflow rule.</summary>
public sealed class QueueGroupOptions
{
    /// <summary>The backup group; none: customers stay.</summary>
    public string? OverflowTo { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OverflowAfter { get; set; } = TimeSpan.FromMinutes(3);
}
