namespace Conversational.Knowledge.Understanding;

/// <summary>
/// A small keyword matcher that stands in until the trained intent model arrives: it knows the words customers use
/// for each intent in Chinese and English and says "out of scope" for anything else. Text goes through
/// <see cref="TextNormalizer"/> first, so ＨＥＬＬＯ matches hello and Traditional 轉人工 matches 转人工.
/// </summary>
public sealed class KeywordUnderstanding : IUnderstanding
{
    // Order matters: the first intent with a matching phrase wins, so specific intents come before general ones.
    private static readonly (string Intent, string[] Phrases)[] Rules =
    [
        (Intents.TransferToHuman, ["转人工", "人工客服", "人工服务", "找真人", "真人客服", "人工", "human", "agent", "real person", "operator"]),
        (Intents.ReturnStatus, ["退货进度", "退款进度", "换货进度", "退货到哪", "退款到哪", "return status", "where is my return", "where is my refund"]),
        (Intents.ReturnExchange, ["退货", "换货", "退换", "退款", "错发", "return", "exchange", "refund"]),
        (Intents.BillInstallment, ["分期", "账单", "installment", "instalment", "bill"]),
        (Intents.PriceAfterCoupons, ["到手价", "到手多少", "优惠券", "满减", "多少钱", "价格", "price", "coupon", "how much", "cost"]),
        (Intents.Help, ["帮助", "你能做什么", "能做什么", "菜单", "功能", "help", "what can you do", "menu"]),
        (Intents.ThanksBye, ["谢谢", "多谢", "再见", "拜拜", "thanks", "thank you", "bye", "goodbye"]),
        (Intents.Greeting, ["你好", "您好", "在吗", "哈喽", "嗨", "早上好", "晚上好", "hello", "hi", "hey", "good morning", "good evening"]),
    ];

    public Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var language = TextLanguage.Detect(normalized);
        foreach (var (intent, phrases) in Rules)
        {
            if (phrases.Any(phrase => Contains(normalized, phrase)))
            {
                return Task.FromResult(new Understanding(intent, 1.0, language));
            }
        }

        return Task.FromResult(new Understanding(Intents.OutOfScope, 0.0, language));
    }

    // English phrases match whole words only ("hi" is not in "this"); Chinese has no word boundaries to respect.
    private static bool Contains(string text, string phrase)
    {
        if (TextLanguage.Detect(phrase) == TextLanguage.Chinese)
        {
            return text.Contains(phrase, StringComparison.Ordinal);
        }

        for (var start = text.IndexOf(phrase, StringComparison.Ordinal); start >= 0;
             start = text.IndexOf(phrase, start + 1, StringComparison.Ordinal))
        {
            var end = start + phrase.Length;
            if ((start == 0 || !char.IsLetter(text[start - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
