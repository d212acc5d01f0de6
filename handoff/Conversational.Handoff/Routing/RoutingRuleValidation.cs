using System.Text.Json;

namespace Conversational.Handoff.Routing;

/// <summary>
/// Checks a whole rule set before it is used or saved. Problems read <c>path: what is wrong.</c>, with paths like
/// <c>rules[2].when.vipLevel</c>, so an editor can show each beside its field.
/// </summary>
public static class RoutingRuleValidation
{
    public const int MaxVipLevel = 10;

    /// <exception cref="RoutingValidationException">The set breaks a rule; every problem is listed.</exception>
    public static void ThrowIfInvalid(RoutingRuleSet? rules)
    {
        if (Problems(rules) is { Count: > 0 } problems)
        {
            throw new RoutingValidationException(problems);
        }
    }

    public static IReadOnlyList<string> Problems(RoutingRuleSet? rules)
    {
        if (rules is null)
        {
            return ["rules: the rule set is missing."];
        }

        var problems = new List<string>();
        var groups = (rules.SkillGroups ?? []).ToList();
        if (groups.Count == 0)
        {
            problems.Add("skillGroups: name at least one skill group.");
        }

        problems.AddRange(groups.Where(string.IsNullOrWhiteSpace).Select(_ => "skillGroups: a skill group id is empty."));
        problems.AddRange(groups.Where(group => !string.IsNullOrWhiteSpace(group)).GroupBy(group => group, StringComparer.OrdinalIgnoreCase)
            .Where(same => same.Count() > 1).Select(same => $"skillGroups: '{same.Key}' is listed more than once."));
        if (rules.BusinessHours is null)
        {
            problems.Add("businessHours: is required.");
        }
        else
        {
            CheckSchedule(rules.BusinessHours, "businessHours", problems);
        }

        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenConditions = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = rules.Rules ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"rules[{i}]";
            if (list[i] is not { } rule)
            {
                problems.Add($"{path}: is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                problems.Add($"{path}.name: must not be empty.");
            }
            else if (!seenNames.Add(rule.Name) || string.Equals(rule.Name, RoutingTable.DefaultRuleName, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{path}.name: '{rule.Name}' is used by another rule (or is the default's name).");
            }

            if (rule.When is null || rule.When.IsEmpty)
            {
                problems.Add($"{path}.when: sets no condition, so it would match everyone and hide the rules after it; use default instead.");
            }
            else
            {
                CheckConditions(rule.When, $"{path}.when", problems);
                var key = JsonSerializer.Serialize(rule.When, RoutingJson.Options);
                if (seenConditions.TryGetValue(key, out var earlier))
                {
                    problems.Add($"{path}.when: the same conditions as rule '{earlier}' before it, so it can never match.");
                }
                else
                {
                    seenConditions[key] = rule.Name ?? path;
                }
            }

            CheckTarget(rule.Target, $"{path}.target", groups, problems);
        }

        if (rules.Default is null)
        {
            problems.Add("default: a default target is required, for customers no rule matches.");
        }
        else
        {
            CheckTarget(rules.Default, "default", groups, problems);
        }

        return problems;
    }

    private static void CheckConditions(RoutingConditions when, string path, List<string> problems)
    {
        if (when.VipLevel is { } vip)
        {
            if (vip.Min is < 0 or > MaxVipLevel || vip.Max is < 0 or > MaxVipLevel)
            {
                problems.Add($"{path}.vipLevel: {vip.Min}–{vip.Max} is outside 0–{MaxVipLevel}.");
            }
            else if (vip.Min > vip.Max)
            {
                problems.Add($"{path}.vipLevel: min {vip.Min} is above max {vip.Max}.");
            }
        }

        foreach (var (field, values) in new[]
                 {
                     ("tiers", when.Tiers), ("tagsAny", when.TagsAny), ("tagsAll", when.TagsAll), ("intents", when.Intents),
                     ("skills", when.Skills), ("provinces", when.Provinces), ("cities", when.Cities), ("channels", when.Channels),
                 })
        {
            if (values is not null && (values.Count == 0 || values.Any(string.IsNullOrWhiteSpace)))
            {
                problems.Add($"{path}.{field}: an empty list or value matches nobody; leave the condition out instead.");
            }
        }

        if (when.Schedule is { } schedule)
        {
            if (when.Hours is null)
            {
                problems.Add($"{path}.schedule: say whether the rule matches inside or outside it (hours).");
            }

            CheckSchedule(schedule, $"{path}.schedule", problems);
        }
    }

    private static void CheckSchedule(WeeklySchedule schedule, string path, List<string> problems)
    {
        if (schedule.Ranges is not { } ranges)
        {
            problems.Add($"{path}.ranges: is required (an empty list means never open).");
            return;
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            if (range.Days is null || range.Days.Count == 0)
            {
                problems.Add($"{path}.ranges[{i}].days: name at least one weekday.");
            }

            if (range.From >= range.To)
            {
                problems.Add($"{path}.ranges[{i}]: {range.From:HH\\:mm}–{range.To:HH\\:mm} is empty; from must be before to.");
            }
        }
    }

    private static void CheckTarget(RoutingTarget? target, string path, List<string> groups, List<string> problems)
    {
        if (target is null)
        {
            problems.Add($"{path}: is required.");
            return;
        }

        if (!groups.Contains(target.SkillGroup ?? "", StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{path}.skillGroup: '{target.SkillGroup}' is not a known skill group ({string.Join(", ", groups)}).");
        }

        if (!Enum.IsDefined(target.Reception))
        {
            problems.Add($"{path}.reception: must be botFirst, humanFirst, botOnly or humanOnly.");
        }

        if (target.Priority is < 0 or > 100)
        {
            problems.Add($"{path}.priority: {target.Priority} is outside 0–100.");
        }
    }
}

/// <summary>A rule set that breaks rules; nothing was saved or used.</summary>
public sealed class RoutingValidationException(IReadOnlyList<string> problems)
    : Exception("The routing rules are not valid: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
