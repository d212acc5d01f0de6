using System.Globalization;

namespace Conversational.Skills.Pricing;

/// <summary>
/// Checks and conversions for money in whole cents (分). Every amount the pricing records accept is a whole number of
/// cents between ¥0.00 and <see cref="MaxAmount"/>; the calculator works in <see cref="long"/> cents and hands back
/// <see cref="decimal"/> yuan with two decimals.
/// </summary>
internal static class Money
{
    /// <summary>¥10,000,000: far above any price or coupon, low enough that cents × cents never overflows 128 bits.</summary>
    public const decimal MaxAmount = 10_000_000m;

    public static decimal RequirePositive(decimal value, string name) =>
        value > 0m && IsWholeCents(value) && value <= MaxAmount
            ? value
            : throw new ArgumentException(
                $"{name} must be a whole number of cents from ¥0.01 to ¥{MaxAmount:N0}, not {Format(value)}.", name);

    public static long Cents(decimal value) => (long)(value * 100m);

    public static decimal Yuan(long cents) => cents * 0.01m;

    private static bool IsWholeCents(decimal value) => decimal.Round(value, 2) == value;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
