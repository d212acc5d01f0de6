using System.Globalization;

namespace Conversational.Skills.Installments;

/// <summary>How installment figures are written in the bot's replies, the same in Chinese and English.</summary>
internal static class InstallmentText
{
    /// <summary>¥12,000.00</summary>
    public static string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A table rate with no trailing zeros: 0.03 → 3%, 0.0075 → 0.75%.</summary>
    public static string Rate(decimal fraction) => (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>An annualized rate (4 decimals of a fraction) with two decimals of a percent: 0.1303 → 13.03%.</summary>
    public static string AnnualizedRate(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
