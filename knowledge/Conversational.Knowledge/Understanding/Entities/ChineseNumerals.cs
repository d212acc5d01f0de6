namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// Reads Chinese numerals (中文数字): 十二 = 12, 一百零五 = 105, 一点五万 = 15000, the financial capitals banks print
/// (壹仟贰佰 = 1200), digit-by-digit 二零二六 = 2026, and the spoken short forms where the last digit takes the next
/// smaller unit: 三千五 = 3500, 一万二 = 12000, 两百五 = 250.
/// </summary>
public static class ChineseNumerals
{
    /// <summary>Every character <see cref="TryParse"/> reads, for building patterns.</summary>
    public const string Characters = "零〇一二两兩三四五六七八九十百千万萬亿億点壹贰叁肆伍陆柒捌玖拾佰仟";

    private const string Digits = "零一二三四五六七八九";
    private const string CapitalDigits = "零壹贰叁肆伍陆柒捌玖";

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var point = text.IndexOf('点');
        if (point < 0)
        {
            return TryParseWhole(text, out value);
        }

        // 一点五万: the fraction is digit by digit, and a trailing 万 or 亿 scales the whole number.
        var fraction = text[(point + 1)..];
        var scale = fraction.Length > 0 ? LargeUnit(fraction[^1]) : 0;
        if (scale > 0)
        {
            fraction = fraction[..^1];
        }

        if (fraction.IsEmpty || !TryParseWhole(text[..point], out var whole))
        {
            return false;
        }

        var place = 0.1m;
        foreach (var c in fraction)
        {
            if (Digit(c) is not { } digit)
            {
                return false;
            }

            whole += digit * place;
            place /= 10;
        }

        value = scale > 0 ? whole * scale : whole;
        return true;
    }

    private static bool TryParseWhole(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        if (!text.ContainsAny("十百千万萬亿億拾佰仟"))
        {
            return TryParseDigitByDigit(text, out value);
        }

        decimal total = 0, section = 0;
        int? pending = null;
        var lastUnit = 0m;       // the unit just before a trailing digit, for 三千五
        var sectionUnit = 10000m; // units inside a section must fall: 五百三千 is not a number
        foreach (var c in text)
        {
            if (Digit(c) is { } digit)
            {
                if (pending is not null && digit != 0)
                {
                    return false; // 三四千 is a range, not a number
                }

                pending = digit == 0 ? null : digit;
                lastUnit = digit == 0 ? 0 : lastUnit;
            }
            else if (SmallUnit(c) is { } unit)
            {
                if (unit >= sectionUnit || (pending is null && unit != 10))
                {
                    return false;
                }

                section += (pending ?? 1) * unit; // 十二: a bare 十 is one ten
                pending = null;
                lastUnit = sectionUnit = unit;
            }
            else if (LargeUnit(c) is var large and > 0)
            {
                if (section == 0 && pending is null)
                {
                    return false; // 万一, 千万 (= by all means) are words, not numbers
                }

                var amount = (section + (pending ?? 0)) * large;
                (total, section) = large == 100_000_000 ? ((total + amount), 0m) : (total, amount);
                pending = null;
                lastUnit = large;
                sectionUnit = 10000;
            }
            else
            {
                return false;
            }
        }

        var tail = pending is { } last ? (lastUnit > 1 ? last * lastUnit / 10 : last) : 0;
        value = total + section + tail;
        return true;
    }

    private static bool TryParseDigitByDigit(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (Digit(c) is not { } digit)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static int? Digit(char c) => c switch
    {
        '〇' => 0,
        '两' or '兩' => 2,
        _ when Digits.Contains(c, StringComparison.Ordinal) => Digits.IndexOf(c, StringComparison.Ordinal),
        _ when CapitalDigits.Contains(c, StringComparison.Ordinal) => CapitalDigits.IndexOf(c, StringComparison.Ordinal),
        _ => null,
    };

    private static decimal? SmallUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => null,
    };

    private static decimal LargeUnit(char c) => c switch
    {
        '万' or '萬' => 10_000,
        '亿' or '億' => 100_000_000,
        _ => 0,
    };
}
