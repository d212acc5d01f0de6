namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>
/// Simple negation (否定): 不投诉, 不是要投诉, 没有要销户, 不着急, "not going to complain", "no need to close my account".
/// It looks only at the words just before the cue within its clause, so 不满意，我要投诉 and 别逼我投诉 stay threats.
/// A negation that makes a condition (再不马上处理, if you still don't act now) does not cancel. Double negatives and
/// sarcasm are beyond it. Public for the agent copilot, which reads 不需要 and "not interested" the same way.
/// </summary>
public static class Negation
{
    private const int EnglishWordsLookedAt = 3;

    // Negation sits right before its cue; looking no further keeps a long message linear.
    private const int CharactersLookedAt = 32;

    private static readonly string[] ClauseEnds = [",", ".", ";", "!", "?", "。", "、", ":"];

    // Words that may sit between a negation and the cue: 不[是][要]投诉, 不[想]销户, 没[有][打算]投诉.
    private static readonly string[] ChineseFillers = ["打算", "准备", "需要", "愿意", "要", "想", "会", "去", "再", "是", "用", "有", "必", "需"];

    private static readonly string[] ChineseConditionals = ["再", "还", "如果", "若", "要是"];

    private static readonly string[] ChineseNegators = ["不", "没", "别", "无", "未", "勿"];

    // Apostrophes are dropped before the lookup, so don't and dont are one word.
    private static readonly HashSet<string> EnglishNegators =
    [
        "not", "no", "never", "dont", "wont", "cant", "cannot", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent",
        "hasnt", "wouldnt", "shouldnt", "aint",
    ];

    /// <summary>Whether the clause before <paramref name="cueStart"/> negates the cue.</summary>
    public static bool Negates(string text, int cueStart, bool englishCue)
    {
        var clause = ClauseBefore(text, cueStart);
        return englishCue ? EnglishNegates(clause) : ChineseNegates(clause);
    }

    /// <summary>The text from the last clause boundary up to <paramref name="position"/>, at most a few words.</summary>
    public static string ClauseBefore(string text, int position)
    {
        var before = text[Math.Max(0, position - CharactersLookedAt)..position];
        var boundary = ClauseEnds.Max(end => before.LastIndexOf(end, StringComparison.Ordinal));
        return before[(boundary + 1)..];
    }

    private static bool ChineseNegates(string clause)
    {
        var rest = clause.TrimEnd();
        for (var trimmed = true; trimmed;)
        {
            var filler = ChineseFillers.FirstOrDefault(word => rest.EndsWith(word, StringComparison.Ordinal));
            trimmed = filler is not null;
            rest = trimmed ? rest[..^filler!.Length] : rest;
        }

        var negator = ChineseNegators.FirstOrDefault(word => rest.EndsWith(word, StringComparison.Ordinal));
        return negator is not null && !IsConditional(rest[..^negator.Length]);
    }

    // 再不马上处理 and 还不赶紧 press harder, they do not negate: "if you still don't…", "why haven't you…".
    private static bool IsConditional(string beforeNegator) =>
        ChineseConditionals.Any(word => beforeNegator.EndsWith(word, StringComparison.Ordinal));

    private static bool EnglishNegates(string clause) =>
        clause.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .TakeLast(EnglishWordsLookedAt)
            .Select(word => word.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal))
            .Any(EnglishNegators.Contains);
}
