namespace Conversational.Bots.Copilot.Llm;

// What the copilot's kernel functions answer. Every amount is a string already formatted (ToolFigures): the model quotes
// figures, it never computes or rounds them.

/// <summary>An installment plan (账单分期) as <c>InstallmentCalculator</c> computes it for the configured product table.</summary>
/// <param name="FirstPayment">Period 1 carries the cents the equal split leaves over.</param>
/// <param name="AnnualizedRate">The annualized rate (IRR) regulation requires showing beside the fee.</param>
public sealed record InstallmentPlanAnswer(
    string Amount,
    int Periods,
    string FeeRatePerPeriod,
    string FirstPayment,
    string RegularPayment,
    string FeePerPeriod,
    string TotalFee,
    string TotalRepayment,
    string AnnualizedRate,
    string EarlyPayoffFeeRate);

/// <summary>The price after coupons (到手价) of a cart, as <c>PriceCalculator</c> quotes it now.</summary>
/// <param name="NextThreshold">再买…可再减…: the extra spend that would save more, or null.</param>
public sealed record PriceAnswer(
    string ListTotal,
    string AfterActivityPrices,
    string FinalTotal,
    string TotalSaving,
    IReadOnlyList<PriceLineAnswer> Lines,
    IReadOnlyList<string> CouponsUsed,
    string? NextThreshold);

public sealed record PriceLineAnswer(string Sku, string Name, string? Size, int Quantity, string ListAmount, string FinalAmount);

/// <summary>Whether the lines of one of the customer's orders may be returned or exchanged now (<c>ReturnPolicyCheck</c>).</summary>
public sealed record ReturnEligibilityAnswer(string OrderId, string Reason, string Kind, IReadOnlyList<ReturnLineAnswer> Lines);

/// <param name="Refusal">Why not (e.g. WindowClosed), or null when allowed.</param>
/// <param name="LastDay">The last day inside the window (inclusive), when there is one.</param>
/// <param name="RefundAmount">What a refund gives back; null for an exchange or a refusal.</param>
public sealed record ReturnLineAnswer(int LineNo, string Item, string Size, bool Allowed, string? Refusal, string? LastDay,
    bool? FreeReturnShipping, string? RefundAmount);
