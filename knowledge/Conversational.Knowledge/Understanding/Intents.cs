namespace Conversational.Knowledge.Understanding;

/// <summary>The intent names the bot's policy acts on. Trainers' example files use the same names.</summary>
public static class Intents
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string ThanksBye = "thanks_bye";

    /// <summary>到手价: what an item or cart costs after activity prices and coupons.</summary>
    public const string PriceAfterCoupons = "price_after_coupons";

    /// <summary>账单分期: turning a credit-card bill into installments.</summary>
    public const string BillInstallment = "bill_installment";

    /// <summary>退换货: starting a return or an exchange.</summary>
    public const string ReturnExchange = "return_exchange";

    /// <summary>Where is my return: the status of an existing return or exchange.</summary>
    public const string ReturnStatus = "return_status";

    /// <summary>转人工: the customer asks for a human agent.</summary>
    public const string TransferToHuman = "transfer_to_human";

    /// <summary>Nothing the bot knows; the policy clarifies, searches knowledge or offers a human.</summary>
    public const string OutOfScope = "out_of_scope";
}
