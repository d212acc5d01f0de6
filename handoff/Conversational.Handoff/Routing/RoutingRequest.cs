namespace Conversational.Handoff.Routing;

/// <summary>What routing knows about a customer at one moment: the facts every rule condition reads.</summary>
/// <param name="Returning">True when the customer had an earlier conversation (回头客).</param>
/// <param name="Intent">The recognized intent, if any.</param>
/// <param name="Skill">The skill dialog in progress, if any.</param>
/// <param name="At">The moment to route at; schedules read it in China time.</param>
public sealed record RoutingRequest(
    string Tier,
    int VipLevel,
    IReadOnlyList<string> Tags,
    bool Returning,
    string? Intent,
    string? Skill,
    string? Province,
    string? City,
    string Channel,
    DateTimeOffset At);

/// <summary>The target of the first matching rule (or the default) and why: every rule tried, in order.</summary>
/// <param name="Rule">The matching rule's name, or <see cref="RoutingTable.DefaultRuleName"/>.</param>
public sealed record RoutingDecision(string Rule, RoutingTarget Target, IReadOnlyList<RuleEvaluation> Explanation);

/// <summary>
/// One rule as it met the request: matched, or the first condition that failed, by field name and in words
/// (en and zh-CN), e.g. <c>vipLevel</c>: "VIP level 2 is not in 7–10" / "VIP等级 2 不在 7–10 之间".
/// </summary>
public sealed record RuleEvaluation(string Rule, bool Matched, string? Field = null, string? Reason = null, string? ReasonZh = null);
