using Conversational.Bots.Policies;

namespace Conversational.Bots.Handoff;

/// <summary>What the bot says around a handoff (转人工), in Chinese (first) and English. One instance per language.</summary>
public sealed record HandoffWording
{
    /// <summary>Queued: customers of the same level ahead (never the others: invisible priority) and the wait in minutes.</summary>
    public required Func<int, int, string> Queued { get; init; }

    /// <summary>Said before the queue reply when the bot, not the customer, decided on a person: why, by reason.</summary>
    public required IReadOnlyDictionary<string, string> Leads { get; init; }

    /// <summary>Nobody serves at this hour (reception bot-only): a message is offered instead.</summary>
    public required string OutsideHours { get; init; }

    public required string AskLeftMessage { get; init; }

    /// <summary>The message became ticket {0}.</summary>
    public required Func<string, string> MessageLeft { get; init; }

    public required string StoppedWaiting { get; init; }

    public required string LeaveMessageOption { get; init; }

    public required string StopWaitingOption { get; init; }

    /// <summary>The agent handed the customer back: the bot says it is here again before it asks its step.</summary>
    public required string BackFromAgent { get; init; }

    /// <summary>The agent closed the chat: the bot asks for a 1–5 rating of the service.</summary>
    public required string RatingPrompt { get; init; }

    /// <summary>
    /// The quick replies under <see cref="RatingPrompt"/>, each starting with its score, in score order: on WeChat they are
    /// numbered lines, and replying "2" must mean 2 there too.
    /// </summary>
    public required IReadOnlyList<string> RatingOptions { get; init; }

    /// <summary>Thanks for score {0}.</summary>
    public required Func<int, string> Rated { get; init; }

    public static HandoffWording Chinese { get; } = new()
    {
        Queued = (ahead, minutes) => $"正在为您转接人工客服，您前面还有 {ahead} 位，预计等待约 {minutes} 分钟。等待期间您可以继续描述问题，客服接入后会看到。",
        Leads = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HandoffReasons.RepeatedMisunderstanding] = "抱歉，我还是没能理解您的问题。",
            [HandoffReasons.NegativeEmotion] = "非常抱歉给您带来了不好的体验。",
            [HandoffReasons.ComplaintThreat] = "非常抱歉给您带来了不好的体验，您的问题需要人工客服来处理。",
        },
        OutsideHours = "现在不在人工客服的服务时间，暂时无法为您转接。您可以留言，我们会在上班后尽快联系您。",
        AskLeftMessage = "请留下您的问题和联系方式，发送后即为您登记。",
        MessageLeft = ticket => $"您的留言已登记，编号 {ticket}。客服会尽快联系您。",
        StoppedWaiting = "好的，已为您取消排队。还有什么我可以帮您的吗？",
        LeaveMessageOption = "留言",
        StopWaitingOption = "不等了",
        BackFromAgent = "您好，我是智能客服小C，接下来由我继续为您服务。",
        RatingPrompt = "本次人工服务已结束。请为客服的服务打分（1–5分，5分最满意）：",
        RatingOptions = ["1 非常不满意", "2 不满意", "3 一般", "4 满意", "5 非常满意"],
        Rated = score => score >= 4 ? "感谢您的评价！还有什么可以帮您？" : "感谢您的评价，我们会努力改进。还有什么可以帮您？",
    };

    public static HandoffWording English { get; } = new()
    {
        Queued = (ahead, minutes) => $"Connecting you to an agent: {ahead} ahead of you, about {minutes} min to wait. "
            + "You can keep describing your question meanwhile; the agent will see it.",
        Leads = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HandoffReasons.RepeatedMisunderstanding] = "Sorry, I still don't understand. ",
            [HandoffReasons.NegativeEmotion] = "I'm very sorry about your experience. ",
            [HandoffReasons.ComplaintThreat] = "I'm very sorry about your experience; a human agent should look into this. ",
        },
        OutsideHours = "Our agents are not available at this hour, so I can't transfer you now. "
            + "You can leave a message and we'll get back to you when we open.",
        AskLeftMessage = "Please write your question and how to reach you; I'll register it as soon as you send it.",
        MessageLeft = ticket => $"Your message is registered as {ticket}. An agent will get back to you soon.",
        StoppedWaiting = "OK, you've left the queue. Anything else I can help with?",
        LeaveMessageOption = "Leave a message",
        StopWaitingOption = "Stop waiting",
        BackFromAgent = "Hello, it's C, the virtual assistant, again. Let's carry on.",
        RatingPrompt = "Your chat with the agent has ended. How would you rate the service (1–5, 5 is best)?",
        RatingOptions = ["1 Very poor", "2 Poor", "3 OK", "4 Good", "5 Excellent"],
        Rated = score => score >= 4 ? "Thank you for your rating! Anything else I can help with?"
            : "Thank you for your rating; we'll do better. Anything else I can help with?",
    };

    public static HandoffWording For(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
