using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// 尺码: 42码, 尺码42, M号, XL, size 9. Single letters (S, M, L) are sizes only with 码, 号 or "size", because on their
/// own they are too often something else (5 m is five metres).
/// </summary>
internal static partial class SizeRecognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Letters = "(?:[2-5]xl|xxxl|xxl|xl|xs|s|m|l)";
    private const string MultiLetters = "(?:[2-5]xl|xxxl|xxl|xl|xs)";
    private const string Numeric = @"[0-9]{2}(?:\.5)?";

    [GeneratedRegex(@"(?<![0-9.])(?<label>" + Numeric + @")\s*码", Options)]
    private static partial Regex NumberThenMa();

    [GeneratedRegex(@"尺码\s*(?:是|为|:)?\s*(?<label>" + Numeric + "|" + Letters + ")(?![0-9a-z])", Options)]
    private static partial Regex SizeWordThenLabel();

    [GeneratedRegex("(?<![a-z0-9])(?<label>" + Letters + @")\s*(?:码|号)", Options)]
    private static partial Regex LetterThenMaOrHao();

    [GeneratedRegex("(?<![a-z0-9])(?<label>" + MultiLetters + ")(?![a-z0-9])", Options)]
    private static partial Regex LettersAlone();

    [GeneratedRegex(@"(?<![a-z])size\s*(?:is\s+)?(?<label>[0-9]{1,2}(?:\.5)?|" + Letters + ")(?![0-9a-z])", Options)]
    private static partial Regex EnglishSize();

    public static IEnumerable<Entity> Find(string text) =>
        new[] { SizeWordThenLabel(), EnglishSize(), NumberThenMa(), LetterThenMaOrHao(), LettersAlone() }
            .SelectMany(pattern => pattern.Matches(text))
            .Select(match => new Entity(
                new ProductSize(match.Groups["label"].Value.ToUpperInvariant()), match.Value, match.Index, match.Length));
}
