using System.Globalization;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// Figures in the tools' answers, written as the skills write them in the bot's replies (¥1,234.00, 0.6%, 13.03%), so
/// the model copies a figure instead of reformatting, and the agent reads the same figure the bot would have said.
/// </summary>
public static class ToolFigures
{
    /// <summary>¥12,000.00</summary>
    public static string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A table rate with no trailing zeros: 0.03 → 3%, 0.0075 → 0.75%.</summary>
    public static string Rate(decimal fraction) => (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>An annualized rate (4 decimals of a fraction) with two decimals of a percent: 0.1303 → 13.03%.</summary>
    public static string AnnualizedRate(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>2026-11-20</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
