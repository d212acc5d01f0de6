using System.Globalization;
using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// 金额 in yuan: ¥99, 1,299.00元, RMB 200, 两百块, 1.2万, 三千五. A bare number is not money (it may be a quantity or a
/// term), so it needs a currency, a unit (元, 块) or a magnitude (万, 千) that nothing else claims. Dollars and other
/// currencies ($100, 100美元) are deliberately not money: every amount a skill acts on is in yuan.
/// </summary>
internal static partial class MoneyRecognizer
{
    private const string Arabic =
        @"(?<![0-9.,$€£])(?<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9])";

    private const string Chinese = "(?<chinese>[零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]+)";

    // 块 is also a measure word (三块蛋糕, three pieces of cake), so it is money only before 钱, a particle or no Chinese.
    private const string Unit = "(?:元|块钱|块(?![\u4e00-\u9fff])|块(?=[的吗呢啊吧了左多以])|人民币|(?:rmb|cny|yuan)(?![a-z]))";

    // After a bare magnitude (1.2万, 三千五) only a particle may follow: 1万步 is steps and 十万火急 is an idiom.
    private const string MagnitudeEnd = "(?=$|[^\u4e00-\u9fff]|[的吗呢啊吧了左多以能可够要还分])";

    [GeneratedRegex(@"(?<![a-z])(?:¥|rmb|cny|人民币)\s*" + Arabic + @"\s*(?<scale>万|千)?(?:\s*" + Unit + ")?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyFirst();

    [GeneratedRegex(Arabic + @"\s*(?<scale>万|千)?\s*" + Unit, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitAfterDigits();

    [GeneratedRegex(Chinese + @"\s*" + Unit, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitAfterChinese();

    [GeneratedRegex(Arabic + "(?<scale>万|千)" + MagnitudeEnd, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MagnitudeAfterDigits();

    [GeneratedRegex("(?<chinese>[零〇一二两三四五六七八九十百千万亿点]*[千万亿][零〇一二两三四五六七八九十百千万亿点]*)" + MagnitudeEnd,
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseWithMagnitude();

    public static IEnumerable<Entity> Find(string text) =>
        new[] { CurrencyFirst(), UnitAfterDigits(), UnitAfterChinese(), MagnitudeAfterDigits(), ChineseWithMagnitude() }
            .SelectMany(pattern => pattern.Matches(text))
            .Select(match => Amount(match) is { } yuan ? new Entity(new MoneyAmount(yuan), match.Value, match.Index, match.Length) : null)
            .OfType<Entity>();

    private static decimal? Amount(Match match)
    {
        decimal amount;
        if (match.Groups["chinese"].Success)
        {
            if (!ChineseNumerals.TryParse(match.Groups["chinese"].ValueSpan, out amount))
            {
                return null;
            }
        }
        else if (!decimal.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal),
                     NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return null;
        }

        var scale = match.Groups["scale"].Value switch { "万" => 10_000m, "千" => 1_000m, _ => 1m };
        return amount > 0 && amount <= decimal.MaxValue / scale ? amount * scale : null;
    }
}
