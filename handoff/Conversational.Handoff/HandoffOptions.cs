using System.ComponentModel.DataAnnotations;

namespace Conversational.Handoff;

/// <summary>Queues, offers and presence. Bound from the <c>Handoff</c> section, validated at start.</summary>
public sealed class HandoffOptions : IValidatableObject
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
    public Dictionary<string, QueueGroupOptions> Groups { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Data annotations do not descend into dictionary values; each group is checked here, by its path.
        foreach (var (name, group) in Groups)
        {
            var path = $"{SectionName}:{nameof(Groups)}:{name}";
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(group, new ValidationContext(group), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{path}: {result.ErrorMessage}", [$"{nameof(Groups)}:{name}"]);
            }

            if (string.Equals(group.OverflowTo, name, StringComparison.Ordinal))
            {
                yield return new ValidationResult($"{path}:{nameof(QueueGroupOptions.OverflowTo)} names the group itself.",
                    [$"{nameof(Groups)}:{name}"]);
            }
        }
    }
}

/// <summary>One skill group's overflow rule (溢出): customers still waiting after <see cref="OverflowAfter"/> move to the backup group.</summary>
public sealed class QueueGroupOptions
{
    /// <summary>The backup group; none: customers stay.</summary>
    public string? OverflowTo { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OverflowAfter { get; set; } = TimeSpan.FromMinutes(3);
}
