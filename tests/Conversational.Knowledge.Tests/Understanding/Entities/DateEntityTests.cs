using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

/// <summary>Today is Wednesday 2026-11-18 (see <see cref="Extracting.Today"/>).</summary>
public sealed class DateEntityTests
{
    [Theory]
    [InlineData("今天能到吗", "2026-11-18")]
    [InlineData("明天发货", "2026-11-19")]
    [InlineData("后天送到", "2026-11-20")]
    [InlineData("大后天", "2026-11-21")]
    [InlineData("昨天下的单", "2026-11-17")]
    [InlineData("前天", "2026-11-16")]
    [InlineData("上周五买的", "2026-11-13")]
    [InlineData("下周一能退吗", "2026-11-23")]
    [InlineData("下个星期天", "2026-11-29")]
    [InlineData("这周三", "2026-11-18")]
    [InlineData("周五", "2026-11-20")]
    [InlineData("礼拜一", "2026-11-16")]
    [InlineData("11月11日买的", "2026-11-11")]
    [InlineData("十一月十一号", "2026-11-11")]
    [InlineData("1月5日到期", "2027-01-05")]
    [InlineData("2025年12月31日", "2025-12-31")]
    [InlineData("2026-11-11", "2026-11-11")]
    [InlineData("2026/1/5", "2026-01-05")]
    [InlineData("明天發貨", "2026-11-19")]
    public void Extract_ChineseDates_ResolveAgainstToday(string text, string date) =>
        Assert.Equal(new CalendarDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)),
            Extracting.Single<CalendarDate>(text));

    [Theory]
    [InlineData("can it arrive tomorrow?", "2026-11-19")]
    [InlineData("I ordered it yesterday", "2026-11-17")]
    [InlineData("Today", "2026-11-18")]
    [InlineData("the day after tomorrow", "2026-11-20")]
    [InlineData("next Monday", "2026-11-23")]
    [InlineData("last Friday", "2026-11-13")]
    [InlineData("on Friday", "2026-11-20")]
    [InlineData("Nov 11", "2026-11-11")]
    [InlineData("November 11th, 2025", "2025-11-11")]
    [InlineData("11 Nov", "2026-11-11")]
    [InlineData("due on the 5th of January", "2027-01-05")]
    public void Extract_EnglishDates_ResolveAgainstToday(string text, string date) =>
        Assert.Equal(new CalendarDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)),
            Extracting.Single<CalendarDate>(text));

    [Theory]
    [InlineData("2月30日")]
    [InlineData("2026-13-01")]
    [InlineData("每周一对账")]
    [InlineData("一周一次")]
    [InlineData("上周")]
    [InlineData("may I ask something")]
    [InlineData("12 months")]
    public void Extract_ImpossibleOrVagueDays_AreNotDates(string text) =>
        Assert.Empty(Extracting.All<CalendarDate>(text));
}
