using Conversational.Knowledge.Understanding;

namespace Conversational.Skills.Dialogs;

/// <summary>Words that mean the same in every dialog, whatever step it is at.</summary>
public static class DialogCommands
{
    private static readonly string[] CancelPhrases =
        ["算了", "取消", "不要了", "不办了", "不弄了", "不查了", "退出", "cancel", "never mind", "nevermind", "forget it", "stop", "quit"];

    // A cancel word inside a longer sentence is usually a question ("取消订单后怎么退款"), not a cancel.
    private const int MaxExtraCharacters = 4;

    /// <summary>True when the whole message says "stop this" (算了 / 取消 / cancel), not when it merely mentions it.</summary>
    public static bool IsCancel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new string([.. TextNormalizer.Normalize(text).Where(c => !char.IsPunctuation(c) && !char.IsSymbol(c))]).Trim();
        return CancelPhrases.Any(phrase => normalized.StartsWith(phrase, StringComparison.Ordinal)
            && normalized.Length <= phrase.Length + MaxExtraCharacters);
    }
}
