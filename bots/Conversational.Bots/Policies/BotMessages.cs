using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Policies;

/// <summary>What the bot says, in Chinese (first) and English. One instance per language.</summary>
public sealed record BotMessages
{
    public required string Welcome { get; init; }
    public required string Greeting { get; init; }
    public required string Help { get; init; }
    public required string Goodbye { get; init; }
    public required string Clarify { get; init; }

    /// <summary>Small talk about the bot (闲聊): who it is and what it does.</summary>
    public required string ChitChat { get; init; }

    /// <summary>A complaint (投诉): an apology and a person offered.</summary>
    public required string Complaint { get; init; }

    /// <summary>An FAQ topic understood, but no knowledge to answer it from: a person offered.</summary>
    public required string NoAnswerYet { get; init; }

    /// <summary>The line under a knowledge answer citing its entry (出处): title, then id.</summary>
    public required Func<string, string, string> Citation { get; init; }

    public required string Error { get; init; }
    public required string ErrorRepeated { get; init; }

    public required string PriceAfterCoupons { get; init; }
    public required string BillInstallment { get; init; }
    public required string ReturnExchange { get; init; }
    public required string ReturnStatus { get; init; }
    public required string TransferToHumanOption { get; init; }
    public required string CancelOption { get; init; }

    public required string FaqShipping { get; init; }
    public required string FaqSizeGuide { get; init; }
    public required string FaqCreditLimit { get; init; }
    public required string FaqEarlyPayoff { get; init; }
    public required string FaqBill { get; init; }

    /// <summary>A skill dialog was cancelled. {0} is the capability's name.</summary>
    public required string DialogCancelled { get; init; }

    /// <summary>Help asked in the middle of a dialog. {0} is the capability's name.</summary>
    public required string InDialogHelp { get; init; }

    public required string InDialogThanks { get; init; }

    /// <summary>Another skill asked for in the middle of a dialog. {0}: the current one, {1}: the one asked for.</summary>
    public required string InDialogOtherSkill { get; init; }

    public required string InDialogNotUnderstood { get; init; }

    /// <summary>The quick replies under the welcome and help messages.</summary>
    public IReadOnlyList<string> MenuOptions => [PriceAfterCoupons, BillInstallment, ReturnExchange, TransferToHumanOption];

    public static BotMessages Chinese { get; } = new()
    {
        Welcome = "您好，我是智能客服小C。我可以帮您查询商品到手价、办理信用卡账单分期、处理退换货。请问有什么可以帮您？",
        Greeting = "您好！请问有什么可以帮您？",
        Help = "我可以帮您：\n1. 查询商品到手价（含优惠券、满减）\n2. 信用卡账单分期\n3. 退换货申请与进度查询\n也可以输入“转人工”联系人工客服。",
        Goodbye = "不客气，祝您生活愉快！如有需要随时找我。",
        Clarify = "抱歉，我没有完全理解您的意思。您想办理的是下面哪一项？",
        ChitChat = "我是智能客服小C，可以帮您查询到手价、办理账单分期和退换货。请问有什么可以帮您？",
        Complaint = "非常抱歉给您带来了不好的体验。您的问题需要人工客服来处理，需要为您转接吗？",
        NoAnswerYet = "这个问题我暂时还不能回答。需要为您转接人工客服吗？",
        Citation = (title, id) => $"来源：《{title}》（{id}）",
        Error = "抱歉，系统刚刚出了点问题，请您再说一次。",
        ErrorRepeated = "非常抱歉，系统连续出现问题，我已重置了当前对话。您可以重新开始，或输入“转人工”联系人工客服。",
        PriceAfterCoupons = "查询到手价",
        BillInstallment = "账单分期",
        ReturnExchange = "退换货",
        ReturnStatus = "退换货进度",
        TransferToHumanOption = "转人工",
        CancelOption = "取消",
        FaqShipping = "运费与配送",
        FaqSizeGuide = "尺码建议",
        FaqCreditLimit = "信用卡额度",
        FaqEarlyPayoff = "提前还款",
        FaqBill = "账单与还款",
        DialogCancelled = "好的，已取消“{0}”。还有什么可以帮您？",
        InDialogHelp = "您正在办理“{0}”。随时可以说“取消”结束，或说“转人工”联系人工客服。",
        InDialogThanks = "不客气！",
        InDialogOtherSkill = "您正在办理“{0}”。如需先办理“{1}”，请先说“取消”。",
        InDialogNotUnderstood = "抱歉，我没有理解。",
    };

    public static BotMessages English { get; } = new()
    {
        Welcome = "Hello, I'm C, your virtual assistant. I can work out prices after coupons, split a credit-card bill into "
            + "installments, and handle returns and exchanges. How can I help?",
        Greeting = "Hello! How can I help you?",
        Help = "I can help you with:\n1. The price after coupons and discounts\n2. Credit-card bill installments\n"
            + "3. Returns and exchanges, and their status\nYou can also type \"agent\" to reach a person.",
        Goodbye = "You're welcome. Have a nice day!",
        Clarify = "Sorry, I didn't quite get that. Which of these do you need?",
        ChitChat = "I'm C, a virtual assistant: I can work out prices after coupons, split a bill into installments, and "
            + "handle returns and exchanges. How can I help?",
        Complaint = "I'm very sorry about your experience. A human agent should look into this. Would you like me to transfer you?",
        NoAnswerYet = "I can't answer that question yet. Would you like to talk to a human agent?",
        Citation = (title, id) => $"Source: \"{title}\" ({id})",
        Error = "Sorry, something went wrong on our side. Please say that again.",
        ErrorRepeated = "Sorry, something keeps going wrong, so I've reset our conversation. You can start again, "
            + "or type \"agent\" to reach a person.",
        PriceAfterCoupons = "Price after coupons",
        BillInstallment = "Bill installments",
        ReturnExchange = "Returns and exchanges",
        ReturnStatus = "Return status",
        TransferToHumanOption = "Agent",
        CancelOption = "Cancel",
        FaqShipping = "Shipping and delivery",
        FaqSizeGuide = "Size guide",
        FaqCreditLimit = "Credit limit",
        FaqEarlyPayoff = "Early payoff",
        FaqBill = "Bills and repayment",
        DialogCancelled = "OK, I've cancelled \"{0}\". Anything else I can help with?",
        InDialogHelp = "We're in the middle of \"{0}\". Say \"cancel\" to stop at any time, or \"agent\" to reach a person.",
        InDialogThanks = "You're welcome!",
        InDialogOtherSkill = "We're in the middle of \"{0}\". To do \"{1}\" first, say \"cancel\".",
        InDialogNotUnderstood = "Sorry, I didn't get that.",
    };

    public static BotMessages For(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    /// <summary>The customer-facing name of a skill, as its dialog's messages name it.</summary>
    public string CapabilityName(string intent) => OptionFor(intent) ?? intent;

    /// <summary>
    /// The quick reply that asks for an intent, for the intents a customer can be asked to choose between (skills, FAQ
    /// topics, a person); null for the others. The demo examples teach the model each of these titles.
    /// </summary>
    public string? OptionFor(string intent) => intent switch
    {
        Intents.PriceAfterCoupons => PriceAfterCoupons,
        Intents.BillInstallment => BillInstallment,
        Intents.ReturnExchange => ReturnExchange,
        Intents.ReturnStatus => ReturnStatus,
        Intents.TransferToHuman => TransferToHumanOption,
        Intents.FaqShipping => FaqShipping,
        Intents.FaqSizeGuide => FaqSizeGuide,
        Intents.FaqCreditLimit => FaqCreditLimit,
        Intents.FaqEarlyPayoff => FaqEarlyPayoff,
        Intents.FaqBill => FaqBill,
        _ => null,
    };
}
