namespace Conversational.Skills.Installments;

/// <summary>The bank's calendar: statements, due dates and "today" are days in China Standard Time (UTC+8, no daylight saving).</summary>
internal static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
