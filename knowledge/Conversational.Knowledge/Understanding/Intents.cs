namespace Conversational.Knowledge.Understanding;

/// <summary>
/// The intent names the bot's policy acts on. The trainers' example files (<c>IntentClassification/demo/</c>) use the
/// same names; the model knows no others.
/// </summary>
public static class Intents
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string ThanksBye = "thanks_bye";

    /// <summary>闲聊: small talk about the bot itself ("你是机器人吗", "tell me a joke"), not a task.</summary>
    public const string ChitChat = "chit_chat";

    /// <summary>到手价: what an item or cart costs after activity prices and coupons, and how coupons work.</summary>
    public const string PriceAfterCoupons = "price_after_coupons";

    /// <summary>账单分期: turning a credit-card bill into installments.</summary>
    public const string BillInstallment = "bill_installment";

    /// <summary>退换货: starting a return or an exchange.</summary>
    public const string ReturnExchange = "return_exchange";

    /// <summary>Where is my return: the status of an existing return or exchange.</summary>
    public const string ReturnStatus = "return_status";

    /// <summary>转人工: the customer asks for a human agent.</summary>
    public const string TransferToHuman = "transfer_to_human";

    /// <summary>投诉: the customer complains about the service, a product or a charge; a person should hear it.</summary>
    public const string Complaint = "complaint";

    /// <summary>FAQ 运费与配送: shipping fees, couriers, delivery times, tracking.</summary>
    public const string FaqShipping = "faq_shipping";

    /// <summary>FAQ 尺码建议: which size to choose, size charts.</summary>
    public const string FaqSizeGuide = "faq_size_guide";

    /// <summary>FAQ 信用卡额度: the card's credit limit, raising it, temporary limits.</summary>
    public const string FaqCreditLimit = "faq_credit_limit";

    /// <summary>FAQ 提前还款: paying an installment plan off early and its fee.</summary>
    public const string FaqEarlyPayoff = "faq_early_payoff";

    /// <summary>FAQ 账单与还款: statement and due dates, minimum payment, late payment, ways to pay.</summary>
    public const string FaqBill = "faq_bill";

    /// <summary>Nothing the bot knows, or not sure enough; the policy clarifies, searches knowledge or offers a human.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>The prefix of the FAQ topics: questions that knowledge answers, not a skill dialog.</summary>
    public const string FaqPrefix = "faq_";

    /// <summary>Whether the intent is an FAQ topic (<see cref="FaqPrefix"/>).</summary>
    public static bool IsFaq(string intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.StartsWith(FaqPrefix, StringComparison.Ordinal);
    }
}
