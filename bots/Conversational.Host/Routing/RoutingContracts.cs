using Conversational.Handoff.Routing;

namespace Conversational.Host.Routing;

/// <summary>A new rule set for <c>PUT /api/routing/rules</c>, replacing the version the editor read (0 when there is none).</summary>
public sealed record RoutingRulesEdit(int? ExpectedVersion, RoutingRuleSet? Rules);

/// <summary>
/// A situation for <c>POST /api/routing/explain</c>: a known customer, what they want and where they write from, at a
/// moment (now when left out). Whether they are returning comes from their conversations.
/// </summary>
public sealed record RoutingExplainRequest(string? CustomerId, string? Intent, string? Skill, string? Channel, DateTimeOffset? At);

/// <summary>The decision for a situation, the facts it was made on, and every rule tried in order.</summary>
public sealed record RoutingExplanation(int RulesVersion, RoutingRequest Request, string Rule, RoutingTarget Target,
    IReadOnlyList<RuleEvaluation> Explanation);
