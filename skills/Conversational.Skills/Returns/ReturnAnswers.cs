using Conversational.Knowledge.Understanding;

namespace Conversational.Skills.Returns;

/// <summary>
/// How customers say a reason or return-versus-exchange in their own words ("鞋子偏小", "开胶了", "不换了，退钱"), for
/// when they type instead of tapping an option. Null when the words say none, or more than one.
/// </summary>
internal static class ReturnAnswers
{
    private static readonly (ReturnReason Reason, string[] Phrases)[] Reasons =
    [
        (ReturnReason.NoReason, ["无理由", "不想要", "不喜欢", "不需要了", "买多了", "no reason", "changed my mind", "don't want", "dont want", "don't like"]),
        (ReturnReason.WrongSize, ["尺码", "码数", "大小", "偏大", "偏小", "太大", "太小", "不合身", "不合脚", "挤脚", "size", "too big", "too small", "doesn't fit", "does not fit"]),
        (ReturnReason.Quality, ["质量", "破", "坏", "开胶", "瑕疵", "掉色", "起球", "开线", "脱线", "quality", "defect", "broken", "damaged", "faulty"]),
        (ReturnReason.WrongItem, ["发错", "错发", "不是我买的", "颜色不对", "款式不对", "wrong item", "wrong product", "wrong one", "not what i ordered"]),
    ];

    private static readonly string[] RefundPhrases = ["退货", "退款", "退钱", "不换", "refund", "return", "money back"];
    private static readonly string[] ExchangePhrases =
        ["换货", "换尺码", "换码", "换一", "换个", "换大", "换小", "换成", "exchange", "swap", "another size", "different size", "other size"];

    public static ReturnReason? Reason(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var matches = Reasons.Where(r => r.Phrases.Any(phrase => normalized.Contains(phrase, StringComparison.Ordinal))).ToList();
        return matches.Count == 1 ? matches[0].Reason : null;
    }

    public static ReturnKind? Kind(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var refund = RefundPhrases.Any(phrase => normalized.Contains(phrase, StringComparison.Ordinal));
        var exchange = ExchangePhrases.Any(phrase => normalized.Contains(phrase, StringComparison.Ordinal));
        return (refund, exchange) switch
        {
            (true, false) => ReturnKind.Refund,
            (false, true) => ReturnKind.Exchange,
            _ => null,
        };
    }
}
