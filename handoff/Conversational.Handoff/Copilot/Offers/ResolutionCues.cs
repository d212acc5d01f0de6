namespace Conversational.Handoff.Copilot;

/// <summary>
/// Whether the customer's message says their problem is solved (好的谢谢, 明白了, 解决了, ok thanks, got it): the moment
/// the shelf's offers become ready ("after the problem is solved, not before").
/// </summary>
/// <remarks>
/// A thank-you that asks a new question (谢谢，那什么时候到账？) or says it still fails (谢谢，但还是不行) is not a
/// resolution, nor a negated cue (还没解决, not resolved, 不明白).
/// </remarks>
public static class ResolutionCues
{
    private static readonly string[] Solved =
    [
        "谢谢", "感谢", "多谢", "明白了", "知道了", "清楚了", "懂了", "解决了", "搞定了", "可以了", "好了", "没问题了", "没事了",
        "没有其他问题", "没别的问题",
        "thanks", "thank you", "thx", "got it", "understood", "that helps", "thats all", "all good", "solved", "resolved", "sorted",
        "works now", "perfect",
    ];

    private static readonly string[] StillOpen =
    [
        "没解决", "没有解决", "不明白", "不懂", "不清楚", "还是不行", "还不行", "没用", "不对", "但是", "可是",
        "still", "not working", "doesnt work", "didnt work", "dont understand", "but",
    ];

    public static bool IsResolved(string customerText)
    {
        ArgumentNullException.ThrowIfNull(customerText);
        var clauses = MessageCues.Clauses(customerText);
        return clauses.Any(clause => MessageCues.Affirms(clause, Solved))
            && !clauses.Any(clause => MessageCues.Affirms(clause, StillOpen) || MessageCues.Negates(clause, Solved))
            && !MessageCues.AsksSomething(customerText);
    }
}
