using System.Globalization;
using System.Text.RegularExpressions;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Skills.Dialogs;

/// <summary>Short answers every dialog understands the same way: yes, no, and picking one of the offered options.</summary>
public static partial class DialogAnswers
{
    private static readonly string[] Yes = ["确认", "确定", "是的", "是", "对", "好的", "好", "可以", "行", "同意", "办理", "yes", "yep", "ok", "okay", "sure", "confirm", "agree", "go ahead"];
    private static readonly string[] No = ["不是", "不对", "不用", "不要", "否", "no", "nope", "not"];

    /// <summary>True for a plain yes (确认 / 好的 / yes), not for a sentence that merely starts like one.</summary>
    public static bool IsYes(string text) => Matches(text, Yes) && !IsNo(text);

    public static bool IsNo(string text) => Matches(text, No);

    private static readonly string[] EnglishOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>
    /// The option the customer picked: its 1-based number (also 第二个, "the second one"), its exact title, or the only
    /// option whose title the text contains (or that contains the text). Null when nothing or more than one matches.
    /// </summary>
    public static int? Pick(string text, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var answer = Clean(text);
        var number = int.TryParse(answer, out var n) ? n : Ordinal(answer);
        if (number is { } picked && picked >= 1 && picked <= options.Count)
        {
            return picked - 1;
        }

        var cleaned = options.Select(Clean).ToList();
        var exact = cleaned.IndexOf(answer);
        if (exact >= 0)
        {
            return exact;
        }

        var partial = cleaned.Select((option, i) => (option, i))
            .Where(o => answer.Length > 0 && (ContainsWhole(answer, o.option) || ContainsWhole(o.option, answer)))
            .Select(o => o.i).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }

    // "36期" does not contain the option "6期": a number is never matched by a part of it.
    private static bool ContainsWhole(string text, string part)
    {
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            var end = i + part.Length;
            if ((i == 0 || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(part[0]))
                && (end == text.Length || !char.IsAsciiDigit(text[end]) || !char.IsAsciiDigit(part[^1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>第二个, 第2项, the second one, 2nd: the number in an ordinal answer.</summary>
    private static int? Ordinal(string answer)
    {
        if (ChineseOrdinal().Match(answer) is { Success: true } chinese)
        {
            var digits = chinese.Groups["n"].Value;
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : ChineseNumerals.TryParse(digits, out var value) ? (int)value : null;
        }

        if (EnglishOrdinal().Match(answer) is { Success: true } english)
        {
            var word = english.Groups["word"].Value;
            return Array.IndexOf(EnglishOrdinals, word) is var index and >= 0 ? index + 1
                : int.Parse(word.AsSpan(0, word.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return null;
    }

    [GeneratedRegex("^第(?<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:个|项|件|条|单|款|种)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseOrdinal();

    // Spaces are gone by now: "the second one" is "thesecondone".
    [GeneratedRegex("^(?:the)?(?<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]{1,2}(?:st|nd|rd|th))(?:one)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex EnglishOrdinal();

    private static bool Matches(string text, string[] phrases)
    {
        var answer = Clean(text);
        // "好的，确认" and "yes please" are answers; "是不是要手续费" and "好用吗" are questions, so a one-character
        // phrase must be the whole answer.
        return phrases.Select(Clean).Any(phrase => answer == phrase
            || (phrase.Length >= 2 && answer.StartsWith(phrase, StringComparison.Ordinal) && answer.Length <= phrase.Length + 6
                && !answer.Contains('吗') && !answer.Contains('?')));
    }

    private static string Clean(string text) =>
        new string([.. TextNormalizer.Normalize(text).Where(c => !char.IsPunctuation(c) && !char.IsSymbol(c) && !char.IsWhiteSpace(c) || c == '?')])
            .Trim();
}
