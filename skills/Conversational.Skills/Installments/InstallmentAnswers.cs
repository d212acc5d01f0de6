using Conversational.Knowledge.Understanding;
using System.Globalization;
using System.Text.RegularExpressions;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Installments;

/// <summary>
/// Reads the installment dialog's answers from a message. The intent model sees "6688" or "12期" as out of scope, so each step
/// reads the text itself: the entities first, then the bare numbers a step expects.
/// </summary>
internal static partial class InstallmentAnswers
{
    // Counts above this are amounts, not periods: "12" is 12期, "5000" is ¥5,000.
    private const int MostPeriods = 60;

    // First match wins: "提前还款要手续费吗" is about early payoff, not the fee in general.
    private static readonly (InstallmentQuestion Question, string[] Cues)[] Questions =
    [
        (InstallmentQuestion.EarlyPayoff, ["提前还", "提前结清", "early", "pay off", "payoff", "prepay"]),
        (InstallmentQuestion.AnnualizedRate, ["年化", "利率", "利息", "irr", "apr", "annual", "interest"]),
        (InstallmentQuestion.CreditLimit, ["额度", "credit limit", "limit"]),
        (InstallmentQuestion.Changes, ["修改", "更改", "能改", "可以改", "能不能改", "change it", "change later", "modify"]),
        (InstallmentQuestion.Fee, ["手续费", "费率", "fee", "fees", "charge", "charges"]),
    ];

    private static readonly string[] ResendCues = ["没收到", "重新发送", "重发", "再发", "resend", "send again", "didn't get", "not received"];

    [GeneratedRegex("(?<![0-9])[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();

    [GeneratedRegex("(?<![0-9])[0-9]{6}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SixDigits();

    // 分5000 (split 5,000); 分12期 and 分12个月 are periods.
    [GeneratedRegex("分\\s*(?<number>[0-9]+(?:\\.[0-9]+)?)(?![0-9.期个月])", RegexOptions.CultureInvariant)]
    private static partial Regex SplitAmount();

    [GeneratedRegex("^分?\\s*(?<number>[0-9]+(?:\\.[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    /// <summary>Card last 4 named as such (尾号6688, ending in 6688): what counts when the dialog has not asked for it.</summary>
    public static string? NamedLast4(SkillTurn turn) => turn.Find<CardLastFour>()?.Digits;

    /// <summary>Card last 4 when the step asks for it: named, or four digits standing alone (6688, ****6688).</summary>
    public static string? Last4(SkillTurn turn) =>
        NamedLast4(turn) ?? (FourDigits().Match(turn.NormalizedText) is { Success: true } match ? match.Value : null);

    /// <summary>Six digits standing alone, spaces between them ignored (123 456): the only thing tried as a one-time code.</summary>
    public static string? Code(SkillTurn turn) =>
        SixDigits().Match(string.Concat(turn.NormalizedText.Where(c => !char.IsWhiteSpace(c)))) is { Success: true } match
            ? match.Value
            : null;

    public static bool HasDigits(SkillTurn turn) => turn.NormalizedText.Any(char.IsAsciiDigit);

    public static bool AsksToResend(SkillTurn turn) => ResendCues.Any(cue => TextCues.Mentions(turn.NormalizedText, cue));

    /// <summary>Periods named as such (12期, 分12个月, 12 months).</summary>
    public static int? NamedPeriods(SkillTurn turn) => turn.Find<InstallmentPeriods>()?.Count;

    /// <summary>Periods when the step asks for them: named, or a bare small number (12, 分12).</summary>
    public static int? Periods(SkillTurn turn) => NamedPeriods(turn)
        ?? (Bare(turn) is { } number && number <= MostPeriods && decimal.IsInteger(number) ? (int)number : null);

    /// <summary>An amount to install: money (¥5000, 5千, 5000元), 分5000, or a bare number too big to be periods.</summary>
    /// <returns>Null when there is none, or it has fractions of a cent.</returns>
    public static decimal? Amount(SkillTurn turn)
    {
        var amount = turn.Find<MoneyAmount>()?.Yuan
            ?? (SplitAmount().Match(turn.NormalizedText) is { Success: true } split ? Number(split) : null)
            ?? (Bare(turn) is { } number && number > MostPeriods ? number : null);
        return amount is { } yuan && Cents.IsWhole(yuan) ? yuan : null;
    }

    public static InstallmentQuestion? Question(SkillTurn turn) =>
        Questions.Where(q => q.Cues.Any(cue => TextCues.Mentions(turn.NormalizedText, cue))).Select(q => (InstallmentQuestion?)q.Question)
            .FirstOrDefault();

    private static decimal? Bare(SkillTurn turn) =>
        BareNumber().Match(turn.NormalizedText.Trim()) is { Success: true } match ? Number(match) : null;

    private static decimal? Number(Match match) =>
        decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
