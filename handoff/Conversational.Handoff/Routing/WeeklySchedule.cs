namespace Conversational.Handoff.Routing;

/// <summary>
/// Opening times by weekday in China time (UTC+8, no daylight saving), and holidays (节假日) when it is closed all
/// day. A customer's moment is in the schedule when it falls in one of its ranges and is not on a holiday.
/// </summary>
public sealed record WeeklySchedule(IReadOnlyList<ScheduleRange> Ranges, IReadOnlyList<DateOnly>? Holidays = null)
{
    /// <summary>China Standard Time: a fixed offset, so the schedule needs no time-zone database.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The moment as a China-time weekday, date and time of day.</summary>
    public static DateTime ChinaTime(DateTimeOffset at) => at.ToOffset(ChinaOffset).DateTime;

    public bool Contains(DateTimeOffset at)
    {
        var local = ChinaTime(at);
        if (Holidays is { } holidays && holidays.Contains(DateOnly.FromDateTime(local)))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        return Ranges.Any(range => range.Days.Contains(local.DayOfWeek) && range.Contains(time));
    }
}

/// <summary>The same opening time on some weekdays: from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive).</summary>
public sealed record ScheduleRange(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly time) => time >= From && time < To;
}
