using System.Globalization;
using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// 分期期数: 12期, 分12个月, 分十二期, 6 installments, 12 months. 第3期 (the third installment) is not a count, nor is
/// "12 months ago"; counts outside 2–60 are not installment plans.
/// </summary>
internal static partial class InstallmentRecognizer
{
    private const int FewestPeriods = 2;
    private const int MostPeriods = 60;

    [GeneratedRegex("(?<![第0-9一二两三四五六七八九十])(?:分\\s*)?(?<count>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})\\s*期(?![间限货刊末满望待])",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChinesePeriods();

    [GeneratedRegex("(?<![0-9一二两三四五六七八九十])分\\s*(?<count>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})\\s*个?月", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseMonths();

    [GeneratedRegex(
        @"(?<![0-9a-z])(?<count>[0-9]{1,2}|three|six|nine|twelve|eighteen|twenty[- ]four|thirty[- ]six)[\s-]*(?:monthly\s+)?" +
        @"(?:installments?|instalments?|months?|payments?)(?![a-z])(?!\s+(?:ago|later|before|after)(?![a-z]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPeriods();

    public static IEnumerable<Entity> Find(string text) =>
        new[] { ChinesePeriods(), ChineseMonths(), EnglishPeriods() }
            .SelectMany(pattern => pattern.Matches(text))
            .Select(match => Count(match.Groups["count"].Value) is { } count and >= FewestPeriods and <= MostPeriods
                ? new Entity(new InstallmentPeriods(count), match.Value, match.Index, match.Length)
                : null)
            .OfType<Entity>();

    private static int? Count(string words) => words.ToLowerInvariant().Replace('-', ' ') switch
    {
        "three" => 3,
        "six" => 6,
        "nine" => 9,
        "twelve" => 12,
        "eighteen" => 18,
        "twenty four" => 24,
        "thirty six" => 36,
        var digits when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => count,
        var chinese when ChineseNumerals.TryParse(chinese, out var count) => (int)count,
        _ => null,
    };
}
