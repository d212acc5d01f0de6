using System.Text.RegularExpressions;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// 启齿 detection: whether the agent's message pitched the offer, in the agent's own words or the script's, with no
/// click from the agent.
/// </summary>
/// <remarks>
/// A message pitches when, after leaving out the clauses that only report or refuse, what is left both covers the
/// offer's <see cref="ServiceOffer.PitchConcepts"/> (<see cref="ConceptMatcher"/>, so paraphrases and Traditional
/// characters count) and proposes something to the customer (要不要, 为您办理, 推荐, 活动, would you like, I can set
/// you up…). That keeps out messages that merely mention the product in another sense: a status report (您的白金卡升级
/// 申请已经提交, "your installment discount has expired"), a refusal (目前还不能升级白金卡, "discounts aren't available on
/// this card") or an answer about it with nothing offered (白金卡升级需要年消费满5万). Clauses are cut at punctuation,
/// so 您已经是金卡客户了，可以升级白金卡，要不要办？ still pitches.
/// </remarks>
public static partial class PitchDetector
{
    public static bool IsPitched(ServiceOffer offer, string agentText)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(agentText);
        var offering = ClauseEnd().Split(MessageCues.Normalize(agentText))
            .Where(clause => !Reports().IsMatch(clause) && !Refuses().IsMatch(clause));
        var text = string.Join(" ", offering);
        return Proposes().IsMatch(text) && ConceptMatcher.Covers(offer.PitchConcepts, text);
    }

    // No dot: it would cut 3.5% and "e.g." apart; English sentences rarely pitch and report in one clause anyway.
    [GeneratedRegex(@"[,;!?，。；！？、\n]+|—|\.\s")]
    private static partial Regex ClauseEnd();

    // Proposals to the customer. Benefit words alone (优惠, free, discount) are not here: "your bill includes an
    // installment discount" mentions one without offering anything.
    [GeneratedRegex(@"要不要|需不需要|是否需要|需要.{0,12}?[吗嘛]|有兴趣|感兴趣|推荐|考虑|了解一下|试试|体验|活动|限时|" +
        @"[为帮给]您(办|开|申请|升级|升|换|加|减|免|安排|预约|报名|登记|留)|" +
        @"\b(would you like|do you want|want me to|interested|recommend|how about|why not|shall i|let me know if|youd like|you might like|you may like|" +
        @"offer you|an offer|a special|(i|we) can (give|offer|get|set|sign|upgrade|add|waive|apply|arrange|enrol|enroll|switch))\b")]
    private static partial Regex Proposes();

    // Words of a report on something done or under way. Not 到期 or "used": 到期还款提醒 and "if your card is used
    // fraudulently" are what some offers are about.
    [GeneratedRegex(@"已|生效|失效|提交|进度|用过|成功了|" +
        @"\b(already|has been|have been|had been|expired|status|submitted|went through|(was|were) \w+ed)\b")]
    private static partial Regex Reports();

    [GeneratedRegex(@"不能|无法|不可以|不支持|不符合|不满足|暂不|没有资格|办不了|不行|" +
        @"\b(cannot|cant|unable|not available|isnt available|arent available|not eligible|dont qualify|doesnt qualify|no longer)\b")]
    private static partial Regex Refuses();
}
