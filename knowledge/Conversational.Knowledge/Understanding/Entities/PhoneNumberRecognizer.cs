using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>手机号: a mainland mobile number, 1[3-9] and nine more digits, with or without +86, spaces or dashes.</summary>
internal static partial class PhoneNumberRecognizer
{
    /// <summary>Shared with <see cref="PiiMasker"/>; <c>local</c> is the eleven-digit number with its separators.</summary>
    [GeneratedRegex(@"(?<![0-9a-z])(?:\+?86[\s-]?)?(?<local>1[3-9][0-9][\s-]?[0-9]{4}[\s-]?[0-9]{4})(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();

    public static IEnumerable<Entity> Find(string text) =>
        Pattern().Matches(text).Select(match => new Entity(
            new PhoneNumber(string.Concat(match.Groups["local"].Value.Where(char.IsAsciiDigit))), match.Value, match.Index, match.Length));
}
