using Conversational.Handoff.Routing;

namespace Conversational.Handoff.Tests.Routing;

/// <summary>The routing table as a table: for each 4W1H dimension and reception mode, which rule a request meets first.</summary>
public sealed class RoutingTableTests
{
    private static readonly RoutingTable Table = RoutingTable.From(RoutingSamples.Rules());

    public static TheoryData<string, Func<RoutingRequest, RoutingRequest>, string> Cases => new()
    {
        { "nothing special", request => request, RoutingTable.DefaultRuleName },
        // When: weekday 09:00–18:00 China time, holidays closed.
        { "Monday 09:00 opens", request => request with { At = At(2026, 11, 23, 9, 0) }, RoutingTable.DefaultRuleName },
        { "Monday 08:59 is before opening", request => request with { At = At(2026, 11, 23, 8, 59) }, "outside-hours" },
        { "Monday 17:59 is still open", request => request with { At = At(2026, 11, 23, 17, 59) }, RoutingTable.DefaultRuleName },
        { "Monday 18:00 is closed", request => request with { At = At(2026, 11, 23, 18, 0) }, "outside-hours" },
        { "Saturday is not in the schedule", request => request with { At = At(2026, 11, 28, 10, 0) }, "outside-hours" },
        { "a holiday on a Thursday", request => request with { At = At(2026, 10, 1, 10, 0) }, "outside-hours" },
        { "02:00 UTC is 10:00 in China", request => request with { At = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero) }, RoutingTable.DefaultRuleName },
        { "11:00 UTC is 19:00 in China", request => request with { At = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero) }, "outside-hours" },
        // Who.
        { "platinum tier", request => request with { Tier = "platinum" }, "platinum-tier" },
        { "tiers ignore case", request => request with { Tier = "PLATINUM" }, "platinum-tier" },
        { "VIP 6 is below the range", request => request with { VipLevel = 6 }, RoutingTable.DefaultRuleName },
        { "VIP 7 is the range's start", request => request with { VipLevel = 7 }, "vip-high" },
        { "VIP 10 is the range's end", request => request with { VipLevel = 10 }, "vip-high" },
        { "one of the any-tags", request => request with { Tags = ["media_contact"] }, "complaints" },
        { "only one of the all-tags", request => request with { Tags = ["card_holder"] }, RoutingTable.DefaultRuleName },
        { "every all-tag", request => request with { Tags = ["installment_user", "card_holder", "english"] }, "card-installment-users" },
        { "a new customer", request => request with { Returning = false }, "new-customers" },
        // What.
        { "an installment in progress", request => request with { Skill = "bill_installment" }, "installment-in-progress" },
        { "the returns intent", request => request with { Intent = "return_status" }, "returns" },
        { "no intent", request => request with { Intent = null }, RoutingTable.DefaultRuleName },
        // Where.
        { "a listed province", request => request with { Province = "北京", City = "北京" }, "north" },
        { "a listed city", request => request with { Province = "广东", City = "深圳" }, "shenzhen" },
        { "no region known", request => request with { Province = null, City = null }, RoutingTable.DefaultRuleName },
        // How.
        { "the app channel", request => request with { Channel = "app" }, "app" },
        // Order: the first matching rule wins.
        { "a VIP 9 platinum customer meets the tier rule first", request => request with { Tier = "platinum", VipLevel = 9 }, "platinum-tier" },
        { "a VIP 9 customer at night is outside hours first", request => request with { VipLevel = 9, At = At(2026, 11, 23, 22, 0) }, "outside-hours" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFirstMatchingRuleWins(string situation, Func<RoutingRequest, RoutingRequest> change, string expectedRule)
    {
        var decision = Table.Route(change(RoutingSamples.Request()));

        Assert.True(expectedRule == decision.Rule, $"{situation}: expected {expectedRule}, routed by {decision.Rule}");
    }

    [Theory]
    [InlineData("standard", 0, "general", ReceptionMode.BotFirst, 5)]
    [InlineData("platinum", 0, "platinum", ReceptionMode.HumanOnly, 90)]
    [InlineData("standard", 8, "vip", ReceptionMode.BotFirst, 80)]
    public void TheDecision_CarriesTheRulesSkillGroup_ReceptionAndPriority(string tier, int vip, string group, ReceptionMode reception, int priority)
    {
        var decision = Table.Route(RoutingSamples.Request() with { Tier = tier, VipLevel = vip });

        Assert.Equal(new RoutingTarget(group, reception, priority), decision.Target);
    }

    [Fact]
    public void EachReceptionMode_IsReachable()
    {
        var modes = new[]
        {
            Table.Route(RoutingSamples.Request() with { At = At(2026, 11, 23, 22, 0) }),
            Table.Route(RoutingSamples.Request() with { Tier = "platinum" }),
            Table.Route(RoutingSamples.Request() with { Tags = ["complained_before"] }),
            Table.Route(RoutingSamples.Request()),
        }.Select(decision => decision.Target.Reception);

        Assert.Equal([ReceptionMode.BotOnly, ReceptionMode.HumanOnly, ReceptionMode.HumanFirst, ReceptionMode.BotFirst], modes);
    }

    [Fact]
    public void TheExplanation_NamesTheFirstFailedConditionOfEachEarlierRule_ThenTheMatch()
    {
        var decision = Table.Route(RoutingSamples.Request() with { VipLevel = 8 });

        Assert.Equal(
            [("outside-hours", false, "hours"), ("platinum-tier", false, "tiers"), ("vip-high", true, null)],
            decision.Explanation.Select(step => (step.Rule, step.Matched, step.Field)));
        Assert.Equal("2026-11-23 Mon 10:00 (China time) is inside business hours", decision.Explanation[0].Reason);
        Assert.Equal("tier 'standard' is not one of [platinum]", decision.Explanation[1].Reason);
        Assert.Equal("客户等级 'standard' 不在 [platinum] 中", decision.Explanation[1].ReasonZh);
    }

    [Fact]
    public void WhenNoRuleMatches_TheExplanationHasEveryRuleThenTheDefault()
    {
        var decision = Table.Route(RoutingSamples.Request());

        Assert.Equal(RoutingSamples.Rules().Rules.Count + 1, decision.Explanation.Count);
        Assert.All(decision.Explanation.SkipLast(1), step => Assert.False(step.Matched));
        Assert.Equal(
            ["hours", "tiers", "vipLevel", "tagsAny", "tagsAll", "returning", "skills", "intents", "provinces", "cities", "channels"],
            decision.Explanation.SkipLast(1).Select(step => step.Field));
        Assert.Equal("VIP level 0 is not in 7–10", decision.Explanation[2].Reason);
        Assert.Equal(new RuleEvaluation(RoutingTable.DefaultRuleName, Matched: true), decision.Explanation[^1]);
    }

    [Fact]
    public void ARulesOwnSchedule_IsUsedInsteadOfBusinessHours()
    {
        var evenings = new WeeklySchedule([new ScheduleRange(Enum.GetValues<DayOfWeek>(), new TimeOnly(18, 0), new TimeOnly(22, 0))]);
        var table = RoutingTable.From(RoutingSamples.Rules() with
        {
            Rules = [RoutingSamples.Rule("evening-shift", new RoutingConditions(Hours: HoursCondition.Inside, Schedule: evenings), "general",
                ReceptionMode.HumanFirst, 10)],
        });

        var evening = table.Route(RoutingSamples.Request() with { At = At(2026, 11, 28, 19, 30) });
        var morning = table.Route(RoutingSamples.Request());

        Assert.Equal("evening-shift", evening.Rule);
        Assert.Equal((RoutingTable.DefaultRuleName, "2026-11-23 Mon 10:00 (China time) is outside the rule's schedule"),
            (morning.Rule, morning.Explanation[0].Reason));
    }

    [Fact]
    public void AllConditionsOfARule_MustHold()
    {
        var table = RoutingTable.From(RoutingSamples.Rules() with
        {
            Rules = [RoutingSamples.Rule("vip-card-app", new RoutingConditions(VipLevel: new VipRange(5, 10), Intents: ["bill_installment"],
                Channels: ["app"]), "card", ReceptionMode.HumanFirst, 70)],
        });

        var all = table.Route(RoutingSamples.Request() with { VipLevel = 5, Intent = "bill_installment", Channel = "app" });
        var webOnly = table.Route(RoutingSamples.Request() with { VipLevel = 5, Intent = "bill_installment" });

        Assert.Equal("vip-card-app", all.Rule);
        Assert.Equal((RoutingTable.DefaultRuleName, "channels"), (webOnly.Rule, webOnly.Explanation[0].Field));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, WeeklySchedule.ChinaOffset);
}
