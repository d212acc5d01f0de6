namespace Conversational.Handoff.Routing;

/// <summary>One saved version of the rule set: who saved it and when.</summary>
public sealed record RoutingRulesVersion(int Version, RoutingRuleSet Rules, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>The rule set was saved by someone else since it was read; <see cref="Current"/> is what is there now.</summary>
public sealed class RoutingConflictException(string message, RoutingRulesVersion? current) : Exception(message)
{
    public RoutingRulesVersion? Current { get; } = current;
}
