using System.Globalization;
using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// 日期, resolved against the day the customer writes: 今天, 明天, 后天, 昨天, 上周五, 下周一, 11月11日, 2026-11-11,
/// tomorrow, next Monday, Nov 11. Weeks start on Monday, as Chinese calendars do, so 上周五 is the Friday of last week and
/// 周五 the Friday of this one, past or not; English weekdays follow the same rule. A day without a year is the nearest
/// such day: on 2026-11-18, 11月11日 is last week and 1月5日 is next January.
/// </summary>
internal static partial class DateRecognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Month = "(?<month>september|sept|sep|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|" +
        "august|aug|october|oct|november|nov|december|dec)";
    private const string EnglishYear = @"(?:,?\s+(?<year>(?:19|20)[0-9]{2}))?";

    [GeneratedRegex("(?<word>大后天|大前天|后天|前天|明天|今天|昨天|明日|今日|昨日)", Options)]
    private static partial Regex ChineseRelativeDay();

    [GeneratedRegex("(?<![每0-9一二两三四五六七八九十几])(?<week>上上个?|下下个?|上个?|下个?|这个?|本)?(?:周|星期|礼拜)(?<day>[一二三四五六日天1-7])", Options)]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex("(?<![0-9])(?:(?<year>(?:19|20)[0-9]{2})年)?(?<month>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月" +
        "(?<day>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:日|号)", Options)]
    private static partial Regex ChineseMonthDay();

    [GeneratedRegex("(?<![0-9])(?<year>(?:19|20)[0-9]{2})[-/.](?<month>[0-9]{1,2})[-/.](?<day>[0-9]{1,2})(?![0-9])", Options)]
    private static partial Regex NumericDate();

    [GeneratedRegex(
        "(?<![a-z])(?<word>(?:the )?day after tomorrow|(?:the )?day before yesterday|tomorrow|today|tonight|yesterday)(?![a-z])",
        Options)]
    private static partial Regex EnglishRelativeDay();

    [GeneratedRegex(
        "(?<![a-z])(?:(?<week>next|last|this)\\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])",
        Options)]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex("(?<![a-z])" + Month + @"\.?\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9a-z])" + EnglishYear, Options)]
    private static partial Regex EnglishMonthThenDay();

    [GeneratedRegex("(?<![0-9a-z])(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + Month + "(?![a-z])" + EnglishYear, Options)]
    private static partial Regex EnglishDayThenMonth();

    public static IEnumerable<Entity> Find(string text, DateOnly today)
    {
        var found = new (Regex Pattern, Func<Match, DateOnly?> Resolve)[]
        {
            (NumericDate(), match => CalendarDay(match, today)),
            (ChineseMonthDay(), match => CalendarDay(match, today)),
            (EnglishMonthThenDay(), match => CalendarDay(match, today)),
            (EnglishDayThenMonth(), match => CalendarDay(match, today)),
            (ChineseRelativeDay(), match => today.AddDays(DaysFromToday(match.Groups["word"].Value))),
            (EnglishRelativeDay(), match => today.AddDays(DaysFromToday(match.Groups["word"].Value))),
            (ChineseWeekday(), match => Weekday(today, match)),
            (EnglishWeekday(), match => Weekday(today, match)),
        };
        return found
            .SelectMany(rule => rule.Pattern.Matches(text).Select(match => (match, date: rule.Resolve(match))))
            .Where(hit => hit.date is not null)
            .Select(hit => new Entity(new CalendarDate(hit.date!.Value), hit.match.Value, hit.match.Index, hit.match.Length));
    }

    private static int DaysFromToday(string word) => word.Replace("the ", "", StringComparison.Ordinal) switch
    {
        "大前天" => -3,
        "前天" or "day before yesterday" => -2,
        "昨天" or "昨日" or "yesterday" => -1,
        "明天" or "明日" or "tomorrow" => 1,
        "后天" or "day after tomorrow" => 2,
        "大后天" => 3,
        _ => 0,
    };

    private static DateOnly Weekday(DateOnly today, Match match)
    {
        var weeks = match.Groups["week"].Value.TrimEnd('个') switch
        {
            "上上" => -2,
            "上" or "last" => -1,
            "下" or "next" => 1,
            "下下" => 2,
            _ => 0,
        };
        var monday = today.AddDays(-MondayBased(today.DayOfWeek));
        return monday.AddDays((weeks * 7) + DayIndex(match.Groups["day"].Value));
    }

    private static int MondayBased(DayOfWeek day) => ((int)day + 6) % 7;

    private static int DayIndex(string day) => day switch
    {
        "日" or "天" or "7" => 6,
        [>= '1' and <= '6'] => day[0] - '1',
        [var chinese] => "一二三四五六".IndexOf(chinese, StringComparison.Ordinal),
        _ => MondayBased(Enum.Parse<DayOfWeek>(day, ignoreCase: true)),
    };

    private static DateOnly? CalendarDay(Match match, DateOnly today)
    {
        var month = Number(match.Groups["month"].Value);
        var day = Number(match.Groups["day"].Value);
        if (month is not (>= 1 and <= 12) || day is null or < 1 || day > 31)
        {
            return null;
        }

        if (match.Groups["year"].Success)
        {
            return Date(Number(match.Groups["year"].Value)!.Value, month.Value, day.Value);
        }

        // The nearest of last year's, this year's and next year's such day.
        return new[] { today.Year - 1, today.Year, today.Year + 1 }
            .Select(year => Date(year, month.Value, day.Value))
            .OfType<DateOnly>()
            .OrderBy(date => Math.Abs(date.DayNumber - today.DayNumber))
            .Cast<DateOnly?>()
            .FirstOrDefault();
    }

    private static DateOnly? Date(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int? Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (ChineseNumerals.TryParse(text, out var chinese))
        {
            return (int)chinese;
        }

        var months = new[] { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
        var index = text.Length >= 3 ? Array.IndexOf(months, text[..3].ToLowerInvariant()) : -1;
        return index >= 0 ? index + 1 : null;
    }
}
