using Conversational.Handoff.Routing;

namespace Conversational.Handoff.Tests.Routing;

/// <summary>A rule set with a rule for each 4W1H dimension and each reception mode, and a request none of them matches.</summary>
internal static class RoutingSamples
{
    /// <summary>Monday 10:00 in China, inside business hours.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, WeeklySchedule.ChinaOffset);

    public static WeeklySchedule WeekdaysNineToSix { get; } = new(
        [new ScheduleRange([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(9, 0), new TimeOnly(18, 0))],
        [new DateOnly(2026, 10, 1)]);

    public static RoutingRuleSet Rules() => new(
        ["general", "vip", "platinum", "complaint", "card", "ecommerce", "north", "south", "app", "messages", "newcomers"],
        WeekdaysNineToSix,
        [
            Rule("outside-hours", new RoutingConditions(Hours: HoursCondition.Outside), "messages", ReceptionMode.BotOnly, 0),
            Rule("platinum-tier", new RoutingConditions(Tiers: ["platinum"]), "platinum", ReceptionMode.HumanOnly, 90),
            Rule("vip-high", new RoutingConditions(VipLevel: new VipRange(7, 10)), "vip", ReceptionMode.BotFirst, 80),
            Rule("complaints", new RoutingConditions(TagsAny: ["complained_before", "media_contact"]), "complaint", ReceptionMode.HumanFirst, 60),
            Rule("card-installment-users", new RoutingConditions(TagsAll: ["card_holder", "installment_user"]), "card", ReceptionMode.BotFirst, 30),
            Rule("new-customers", new RoutingConditions(Returning: false), "newcomers", ReceptionMode.HumanFirst, 15),
            Rule("installment-in-progress", new RoutingConditions(Skills: ["bill_installment"]), "card", ReceptionMode.BotFirst, 20),
            Rule("returns", new RoutingConditions(Intents: ["return_exchange", "return_status"]), "ecommerce", ReceptionMode.BotFirst, 20),
            Rule("north", new RoutingConditions(Provinces: ["北京", "天津"]), "north", ReceptionMode.BotFirst, 10),
            Rule("shenzhen", new RoutingConditions(Cities: ["深圳"]), "south", ReceptionMode.BotFirst, 10),
            Rule("app", new RoutingConditions(Channels: ["app"]), "app", ReceptionMode.BotFirst, 10),
        ],
        new RoutingTarget("general", ReceptionMode.BotFirst, 5));

    /// <summary>A returning standard customer from Chengdu on the web, greeting on Monday morning: no rule matches.</summary>
    public static RoutingRequest Request() =>
        new("standard", 0, [], Returning: true, Intent: "greeting", Skill: null, "四川", "成都", "web", MondayMorning);

    public static RoutingRule Rule(string name, RoutingConditions when, string group, ReceptionMode reception, int priority) =>
        new(name, when, new RoutingTarget(group, reception, priority));
}
