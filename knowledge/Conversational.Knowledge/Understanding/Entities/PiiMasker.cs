using System.Text;
using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// Masks personal data (个人信息脱敏) before text reaches logs or traces: mobile numbers keep their first three and last
/// four digits (138****5678), card numbers (13–19 digits) and Chinese ID numbers (身份证号, 18 characters) keep only their
/// last four. It errs towards masking: a long digit-only order number is masked too, because a leaked card costs more
/// than a harder search. Works on raw text (full-width digits included) and keeps everything else as it is.
/// </summary>
public static partial class PiiMasker
{
    private const char MaskCharacter = '*';

    // Digits and Latin letters, half- and full-width: a number glued to them is part of a code, not a phone or a card.
    private const string NotAfterCode = @"(?<![\dA-Za-zＡ-Ｚａ-ｚ])";
    private const string NotBeforeCode = @"(?![\dA-Za-zＡ-Ｚａ-ｚ])";

    [GeneratedRegex(NotAfterCode + @"(?:[+＋]?[8８][6６][\s-]?)?(?<local>[1１][3-9３-９]\d[\s-]?\d{4}[\s-]?\d{4})(?!\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();

    [GeneratedRegex(NotAfterCode + @"\d{17}[\dXxＸｘ]" + NotBeforeCode, RegexOptions.CultureInvariant)]
    private static partial Regex IdNumber();

    [GeneratedRegex(NotAfterCode + @"\d(?:[ -]?\d){12,18}" + NotBeforeCode, RegexOptions.CultureInvariant)]
    private static partial Regex CardNumber();

    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = IdNumber().Replace(text, match => MaskDigits(match.Value, keepFirst: 0, keepLast: 4));
        masked = MobileNumber().Replace(masked, match =>
        {
            var local = match.Groups["local"];
            return match.Value[..(local.Index - match.Index)] + MaskDigits(local.Value, keepFirst: 3, keepLast: 4);
        });
        return CardNumber().Replace(masked, match => MaskDigits(match.Value, keepFirst: 0, keepLast: 4));
    }

    // Separators stay, so a masked number keeps its shape: **** **** **** 1234 still reads as a card in a log.
    private static string MaskDigits(string number, int keepFirst, int keepLast)
    {
        var digits = number.Count(IsDigit);
        var builder = new StringBuilder(number.Length);
        var index = 0;
        foreach (var c in number)
        {
            var hidden = IsDigit(c) && index >= keepFirst && index < digits - keepLast;
            index += IsDigit(c) ? 1 : 0;
            builder.Append(hidden ? MaskCharacter : c);
        }

        return builder.ToString();
    }

    // The check character of an ID number may be X.
    private static bool IsDigit(char c) => char.IsDigit(c) || c is 'X' or 'x' or 'Ｘ' or 'ｘ';
}
