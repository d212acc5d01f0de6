namespace Conversational.Handoff.Routing;

/// <summary>
/// The whole routing configuration (4W1H 分配策略), validated and saved as one document: the skill groups rules may
/// name, the business hours, the ordered rules (first match wins) and the default for a customer no rule matches.
/// </summary>
/// <param name="SkillGroups">Skill group ids (技能组) a target may name, e.g. <c>vip</c>, <c>card</c>, <c>general</c>.</param>
/// <param name="BusinessHours">When people serve, in China time (营业时间); rules match inside or outside them.</param>
public sealed record RoutingRuleSet(IReadOnlyList<string> SkillGroups, WeeklySchedule BusinessHours, IReadOnlyList<RoutingRule> Rules,
    RoutingTarget Default);

/// <summary>One rule: when every condition it sets holds, the customer goes to <paramref name="Target"/>.</summary>
/// <param name="Name">Unique, shown in explanations, e.g. <c>vip-high</c>.</param>
public sealed record RoutingRule(string Name, RoutingConditions When, RoutingTarget Target);

/// <summary>Where a customer goes (技能组), how they are received and how soon (a higher priority is served first).</summary>
public sealed record RoutingTarget(string SkillGroup, ReceptionMode Reception, int Priority);

/// <summary>An inclusive VIP level range within 0–10.</summary>
public sealed record VipRange(int Min, int Max);

/// <summary>A rule's own schedule or the business hours, matched inside or outside.</summary>
public enum HoursCondition
{
    /// <summary>Inside the schedule: a listed weekday and time, not a holiday.</summary>
    Inside,

    /// <summary>Outside the schedule (非工作时间): nights, days not listed and holidays.</summary>
    Outside,
}

/// <summary>
/// The conditions of a rule, 4W1H; an unset condition (null) always holds, and every set one must hold.
/// Lists match when the customer's value is any of them (ordinal, case-insensitive).
/// </summary>
/// <param name="Tiers">Who: customer tiers, e.g. <c>gold</c>, <c>platinum</c>.</param>
/// <param name="VipLevel">Who: the VIP level range.</param>
/// <param name="TagsAny">Who: the customer has at least one of these tags.</param>
/// <param name="TagsAll">Who: the customer has every one of these tags.</param>
/// <param name="Returning">Who: true for a returning customer (回头客, an earlier conversation), false for a new one.</param>
/// <param name="Intents">What: the recognized intent.</param>
/// <param name="Skills">What: the skill in progress (the dialog the customer is in).</param>
/// <param name="Hours">When: inside or outside <paramref name="Schedule"/>, or the business hours if no schedule.</param>
/// <param name="Schedule">When: this rule's own weekly schedule (e.g. a night shift); needs <paramref name="Hours"/>.</param>
/// <param name="Provinces">Where: the customer's province (省).</param>
/// <param name="Cities">Where: the customer's city (市).</param>
/// <param name="Channels">How: the channel, e.g. <c>web</c>, <c>app</c>, <c>wechat</c>.</param>
public sealed record RoutingConditions(
    IReadOnlyList<string>? Tiers = null,
    VipRange? VipLevel = null,
    IReadOnlyList<string>? TagsAny = null,
    IReadOnlyList<string>? TagsAll = null,
    bool? Returning = null,
    IReadOnlyList<string>? Intents = null,
    IReadOnlyList<string>? Skills = null,
    HoursCondition? Hours = null,
    WeeklySchedule? Schedule = null,
    IReadOnlyList<string>? Provinces = null,
    IReadOnlyList<string>? Cities = null,
    IReadOnlyList<string>? Channels = null)
{
    /// <summary>True when no condition is set, so the rule would match everyone.</summary>
    public bool IsEmpty => this == new RoutingConditions();
}
