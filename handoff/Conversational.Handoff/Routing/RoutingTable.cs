namespace Conversational.Handoff.Routing;

/// <summary>
/// A validated rule set, ready to route: pure, so every rule can be tested as a table. The first rule whose
/// conditions all hold wins; otherwise the default.
/// </summary>
public sealed class RoutingTable
{
    public const string DefaultRuleName = "default";

    private RoutingTable(RoutingRuleSet rules) => Rules = rules;

    public RoutingRuleSet Rules { get; }

    /// <exception cref="RoutingValidationException">The rule set breaks a rule; every problem is listed.</exception>
    public static RoutingTable From(RoutingRuleSet rules)
    {
        RoutingRuleValidation.ThrowIfInvalid(rules);
        return new RoutingTable(rules);
    }

    public RoutingDecision Route(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var explanation = new List<RuleEvaluation>();
        foreach (var rule in Rules.Rules)
        {
            var failed = RoutingConditionCheck.FirstFailure(rule.When, request, Rules.BusinessHours);
            explanation.Add(failed is null
                ? new RuleEvaluation(rule.Name, Matched: true)
                : new RuleEvaluation(rule.Name, Matched: false, failed.Field, failed.Reason, failed.ReasonZh));
            if (failed is null)
            {
                return new RoutingDecision(rule.Name, rule.Target, explanation);
            }
        }

        explanation.Add(new RuleEvaluation(DefaultRuleName, Matched: true));
        return new RoutingDecision(DefaultRuleName, Rules.Default, explanation);
    }
}
