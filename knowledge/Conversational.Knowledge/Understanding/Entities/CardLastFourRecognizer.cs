using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>卡号尾号: 尾号1234, 卡号后四位1234, ending in 1234. Four digits count only after such words.</summary>
internal static partial class CardLastFourRecognizer
{
    [GeneratedRegex(@"(?:尾号|尾数|(?:卡号?)?(?:后|末)(?:四|4)位(?:数字)?)\s*(?:是|为|:)?\s*(?<digits>[0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(
        @"(?<![a-z])(?:ending\s+(?:in|with)|ends\s+(?:in|with)|last\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is|of))?)" +
        @"\s*:?\s*(?<digits>[0-9]{4})(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    public static IEnumerable<Entity> Find(string text) =>
        new[] { Chinese(), English() }
            .SelectMany(pattern => pattern.Matches(text))
            .Select(match => new Entity(new CardLastFour(match.Groups["digits"].Value), match.Value, match.Index, match.Length));
}
