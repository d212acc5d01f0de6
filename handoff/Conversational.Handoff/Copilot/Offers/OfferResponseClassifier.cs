namespace Conversational.Handoff.Copilot;

/// <summary>
/// How a customer answered a pitch, from their message (zh-CN and en): 帮我办 → accepted, 不需要 → declined, a message
/// about something else → no answer.
/// </summary>
/// <remarks>
/// The last clause that says yes or no decides, so 好的，不用了 declines and 不用等了，帮我办吧 accepts. A yes-word the
/// customer negates is a no (不太感兴趣, "don't want it"). Short words (要, 可以, yes, no) count only as a whole clause,
/// since 我要查账单 and "can I pay by card?" are not answers. A plain 好的 or "ok thanks" is left as no answer: it
/// closes the conversation as often as it agrees.
/// </remarks>
public static class OfferResponseClassifier
{
    private static readonly string[] Declines =
    [
        "不用", "不要", "不需要", "不办", "算了", "没兴趣", "没什么兴趣", "不感兴趣", "不考虑", "以后再说", "下次再说", "再说吧", "先不",
        "暂时不", "拒绝", "别推销", "不想", "没必要", "不太感兴趣", "不太需要", "不太想",
        "no thanks", "no thank you", "not interested", "no need", "dont need", "do not need", "dont want", "do not want", "maybe later",
        "not now", "not today", "ill pass", "never mind", "not for me", "im good",
    ];

    private static readonly string[] DeclineWords = ["不", "no", "nope", "nah"];

    private static readonly string[] Accepts =
    [
        "帮我办", "给我办", "帮我开", "给我开", "帮我申请", "给我申请", "帮我升级", "给我升级", "办吧", "办一个", "办一下", "开通吧", "就办",
        "可以办", "要办", "想办", "感兴趣", "有兴趣", "试试", "同意", "没问题", "好啊", "好呀", "行啊", "可以啊", "来一个", "要一个",
        "yes please", "sign me up", "go ahead", "please do", "ill take", "id like", "i want", "want it", "want one", "lets do", "sounds good",
        "interested", "do it", "set it up", "why not",
    ];

    private static readonly string[] AcceptWords = ["要", "需要", "可以", "行", "办", "yes", "yeah", "yep", "sure", "ok do it"];

    public static OfferResponse Classify(string customerText)
    {
        ArgumentNullException.ThrowIfNull(customerText);
        foreach (var clause in MessageCues.Clauses(customerText).Reverse())
        {
            if (MessageCues.IsOnly(clause, DeclineWords) || MessageCues.Affirms(clause, Declines) || MessageCues.Negates(clause, Accepts))
            {
                return OfferResponse.Declined;
            }

            if (MessageCues.IsOnly(clause, AcceptWords) || MessageCues.Affirms(clause, Accepts))
            {
                return OfferResponse.Accepted;
            }
        }

        return OfferResponse.NoAnswer;
    }
}
