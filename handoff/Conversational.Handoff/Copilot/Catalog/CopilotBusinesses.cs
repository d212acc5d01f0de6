using Conversational.Knowledge.Understanding;

namespace Conversational.Handoff.Copilot;

/// <summary>The businesses (业务) the copilot catalogue is keyed by: scripts, disclosures and offer scenarios name one.</summary>
public static class CopilotBusinesses
{
    /// <summary>账单分期 and early payoff (提前还款).</summary>
    public const string Installment = "installment";

    /// <summary>信用卡: bills, due dates, credit limit.</summary>
    public const string Card = "card";

    /// <summary>到手价: prices after coupons, sizes, shipping.</summary>
    public const string Pricing = "pricing";

    /// <summary>退换货: starting a return or exchange, and its status.</summary>
    public const string Returns = "returns";

    /// <summary>Greeting, complaint, closing and anything else.</summary>
    public const string General = "general";

    public static IReadOnlyList<string> All { get; } = [Installment, Card, Pricing, Returns, General];

    private static readonly Dictionary<string, string> ByIntent = new(StringComparer.Ordinal)
    {
        [Intents.BillInstallment] = Installment,
        [Intents.FaqEarlyPayoff] = Installment,
        [Intents.FaqCreditLimit] = Card,
        [Intents.FaqBill] = Card,
        [Intents.PriceAfterCoupons] = Pricing,
        [Intents.FaqShipping] = Pricing,
        [Intents.FaqSizeGuide] = Pricing,
        [Intents.ReturnExchange] = Returns,
        [Intents.ReturnStatus] = Returns,
    };

    /// <summary>The business of an intent (<see cref="Intents"/> values); an unknown intent or none → <see cref="General"/>.</summary>
    public static string ForIntent(string? intent) =>
        intent is not null && ByIntent.TryGetValue(intent, out var business) ? business : General;
}
