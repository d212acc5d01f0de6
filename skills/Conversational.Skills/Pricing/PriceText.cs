using System.Globalization;

namespace Conversational.Skills.Pricing;

/// <summary>How the price dialog writes money and days, the same in Chinese and English.</summary>
internal static class PriceText
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>¥1,234.00</summary>
    public static string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The shop's calendar day (China) of an instant.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaStandardTime).DateTime);

    /// <summary>The last day of an offer whose end is exclusive: one ending at 11-12 00:00 ran through 11-11.</summary>
    public static DateOnly LastDay(DateTimeOffset exclusiveEnd) => Day(exclusiveEnd.AddTicks(-1));
}
