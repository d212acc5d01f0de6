using Conversational.Handoff.Routing;

namespace Conversational.Handoff.Tests.Routing;

/// <summary>A rule set is checked as a whole, and every problem is named with its path.</summary>
public sealed class RoutingRuleValidationTests
{
    [Fact]
    public void TheSampleAndTheDemoRules_AreValid()
    {
        Assert.Empty(RoutingRuleValidation.Problems(RoutingSamples.Rules()));
        Assert.Empty(RoutingRuleValidation.Problems(DemoRoutingRules.Load()));
    }

    public static TheoryData<string, Func<RoutingRuleSet, RoutingRuleSet>, string> Broken => new()
    {
        { "unknown skill group", set => WithFirstTarget(set, new RoutingTarget("vvip", ReceptionMode.BotFirst, 5)),
            "rules[0].target.skillGroup: 'vvip' is not a known skill group" },
        { "unknown default group", set => set with { Default = new RoutingTarget("nobody", ReceptionMode.BotFirst, 5) },
            "default.skillGroup: 'nobody' is not a known skill group" },
        { "no default", set => set with { Default = null! }, "default: a default target is required" },
        { "VIP range above 10", set => WithFirstWhen(set, new RoutingConditions(VipLevel: new VipRange(7, 11))),
            "rules[0].when.vipLevel: 7–11 is outside 0–10." },
        { "VIP range below 0", set => WithFirstWhen(set, new RoutingConditions(VipLevel: new VipRange(-1, 3))),
            "rules[0].when.vipLevel: -1–3 is outside 0–10." },
        { "VIP range upside down", set => WithFirstWhen(set, new RoutingConditions(VipLevel: new VipRange(8, 3))),
            "rules[0].when.vipLevel: min 8 is above max 3." },
        { "empty schedule range", set => set with
            {
                BusinessHours = new WeeklySchedule([new ScheduleRange([DayOfWeek.Monday], new TimeOnly(18, 0), new TimeOnly(9, 0))]),
            },
            "businessHours.ranges[0]: 18:00–09:00 is empty; from must be before to." },
        { "schedule range without days", set => set with
            {
                BusinessHours = new WeeklySchedule([new ScheduleRange([], new TimeOnly(9, 0), new TimeOnly(18, 0))]),
            },
            "businessHours.ranges[0].days: name at least one weekday." },
        { "duplicate rule name", set => set with { Rules = [.. set.Rules, set.Rules[1] with { When = new RoutingConditions(Channels: ["wechat"]) }] },
            "rules[11].name: 'platinum-tier' is used by another rule" },
        { "same conditions as an earlier rule", set => set with { Rules = [.. set.Rules, set.Rules[2] with { Name = "vip-again" }] },
            "rules[11].when: the same conditions as rule 'vip-high' before it, so it can never match." },
        { "a rule with no conditions", set => WithFirstWhen(set, new RoutingConditions()),
            "rules[0].when: sets no condition" },
        { "an empty list", set => WithFirstWhen(set, new RoutingConditions(Channels: [])),
            "rules[0].when.channels: an empty list or value matches nobody" },
        { "a schedule without inside or outside", set => WithFirstWhen(set, new RoutingConditions(Schedule: RoutingSamples.WeekdaysNineToSix)),
            "rules[0].when.schedule: say whether the rule matches inside or outside it (hours)." },
        { "priority out of range", set => WithFirstTarget(set, new RoutingTarget("general", ReceptionMode.BotFirst, 101)),
            "rules[0].target.priority: 101 is outside 0–100." },
        { "no skill groups", set => set with { SkillGroups = [] }, "skillGroups: name at least one skill group." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void ABrokenRuleSet_IsRefused_WithAClearProblem(string situation, Func<RoutingRuleSet, RoutingRuleSet> breakIt, string expected)
    {
        var broken = breakIt(RoutingSamples.Rules());

        var refused = Assert.Throws<RoutingValidationException>(() => RoutingTable.From(broken));

        Assert.True(refused.Problems.Any(problem => problem.StartsWith(expected, StringComparison.Ordinal)),
            $"{situation}: expected '{expected}…' among: {string.Join(" | ", refused.Problems)}");
    }

    [Fact]
    public void EveryProblem_IsListed_NotJustTheFirst()
    {
        var broken = WithFirstTarget(WithFirstWhen(RoutingSamples.Rules(), new RoutingConditions(VipLevel: new VipRange(0, 12))),
            new RoutingTarget("nobody", ReceptionMode.BotFirst, -1)) with { Default = null! };

        var problems = RoutingRuleValidation.Problems(broken);

        Assert.Equal(["rules[0].when.vipLevel", "rules[0].target.skillGroup", "rules[0].target.priority", "default"],
            problems.Select(problem => problem.Split(':')[0]));
    }

    [Fact]
    public void AnEmptyDocument_IsRefusedField_ByField()
    {
        var problems = RoutingRuleValidation.Problems(RoutingJson.Deserialize("{}"));

        Assert.Equal(["skillGroups", "businessHours", "default"], problems.Select(problem => problem.Split(':')[0]));
    }

    private static RoutingRuleSet WithFirstWhen(RoutingRuleSet set, RoutingConditions when) =>
        set with { Rules = [set.Rules[0] with { When = when }, .. set.Rules.Skip(1)] };

    private static RoutingRuleSet WithFirstTarget(RoutingRuleSet set, RoutingTarget target) =>
        set with { Rules = [set.Rules[0] with { Target = target }, .. set.Rules.Skip(1)] };
}
