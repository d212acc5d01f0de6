using System.Globalization;

namespace Conversational.Handoff.Routing;

/// <summary>Checks a rule's conditions in 4W1H order (who, what, when, where, how) and names the first that fails.</summary>
internal static class RoutingConditionCheck
{
    internal sealed record Failure(string Field, string Reason, string ReasonZh);

    public static Failure? FirstFailure(RoutingConditions when, RoutingRequest request, WeeklySchedule businessHours) =>
        Who(when, request) ?? What(when, request) ?? When(when, request, businessHours) ?? Where(when, request) ?? How(when, request);

    private static Failure? Who(RoutingConditions when, RoutingRequest request)
    {
        if (when.Tiers is { } tiers && !AnyOf(tiers, request.Tier))
        {
            return new("tiers", $"tier '{request.Tier}' is not one of {List(tiers)}", $"客户等级 '{request.Tier}' 不在 {List(tiers)} 中");
        }

        if (when.VipLevel is { } vip && (request.VipLevel < vip.Min || request.VipLevel > vip.Max))
        {
            return new("vipLevel", $"VIP level {request.VipLevel} is not in {vip.Min}–{vip.Max}", $"VIP等级 {request.VipLevel} 不在 {vip.Min}–{vip.Max} 之间");
        }

        if (when.TagsAny is { } any && !any.Any(tag => AnyOf(request.Tags, tag)))
        {
            return new("tagsAny", $"has none of the tags {List(any)}", $"没有标签 {List(any)} 中的任何一个");
        }

        if (when.TagsAll is { } all && all.FirstOrDefault(tag => !AnyOf(request.Tags, tag)) is { } missing)
        {
            return new("tagsAll", $"lacks the tag '{missing}'", $"缺少标签 '{missing}'");
        }

        if (when.Returning is { } returning && returning != request.Returning)
        {
            return returning
                ? new("returning", "is a new customer, not a returning one", "是新客户，不是回头客")
                : new("returning", "is a returning customer, not a new one", "是回头客，不是新客户");
        }

        return null;
    }

    private static Failure? What(RoutingConditions when, RoutingRequest request)
    {
        if (when.Intents is { } intents && !AnyOf(intents, request.Intent))
        {
            return new("intents", $"intent '{request.Intent ?? "none"}' is not one of {List(intents)}",
                $"意图 '{request.Intent ?? "无"}' 不在 {List(intents)} 中");
        }

        if (when.Skills is { } skills && !AnyOf(skills, request.Skill))
        {
            return new("skills", $"skill in progress '{request.Skill ?? "none"}' is not one of {List(skills)}",
                $"进行中的技能 '{request.Skill ?? "无"}' 不在 {List(skills)} 中");
        }

        return null;
    }

    private static Failure? When(RoutingConditions when, RoutingRequest request, WeeklySchedule businessHours)
    {
        if (when.Hours is not { } hours)
        {
            return null;
        }

        var inside = (when.Schedule ?? businessHours).Contains(request.At);
        if (inside == (hours == HoursCondition.Inside))
        {
            return null;
        }

        var local = WeeklySchedule.ChinaTime(request.At).ToString("yyyy-MM-dd ddd HH:mm", CultureInfo.InvariantCulture);
        var schedule = when.Schedule is null ? "business hours" : "the rule's schedule";
        var scheduleZh = when.Schedule is null ? "营业时间" : "规则的时间表";
        return inside
            ? new("hours", $"{local} (China time) is inside {schedule}", $"{local}（北京时间）在{scheduleZh}内")
            : new("hours", $"{local} (China time) is outside {schedule}", $"{local}（北京时间）在{scheduleZh}外");
    }

    private static Failure? Where(RoutingConditions when, RoutingRequest request)
    {
        if (when.Provinces is { } provinces && !AnyOf(provinces, request.Province))
        {
            return new("provinces", $"province '{request.Province ?? "unknown"}' is not one of {List(provinces)}",
                $"省份 '{request.Province ?? "未知"}' 不在 {List(provinces)} 中");
        }

        if (when.Cities is { } cities && !AnyOf(cities, request.City))
        {
            return new("cities", $"city '{request.City ?? "unknown"}' is not one of {List(cities)}", $"城市 '{request.City ?? "未知"}' 不在 {List(cities)} 中");
        }

        return null;
    }

    private static Failure? How(RoutingConditions when, RoutingRequest request) =>
        when.Channels is { } channels && !AnyOf(channels, request.Channel)
            ? new("channels", $"channel '{request.Channel}' is not one of {List(channels)}", $"渠道 '{request.Channel}' 不在 {List(channels)} 中")
            : null;

    private static bool AnyOf(IReadOnlyList<string> values, string? value) =>
        value is not null && values.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values) + "]";
}
