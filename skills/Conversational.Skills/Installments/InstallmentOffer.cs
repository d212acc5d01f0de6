namespace Conversational.Skills.Installments;

/// <summary>One row of the product table: a number of monthly periods and the fee charged each period.</summary>
/// <param name="Periods">Monthly periods (期数), e.g. 3, 6, 12 or 24.</param>
/// <param name="FeeRatePerPeriod">Fee per period as a fraction of the installed amount, e.g. 0.006 for 0.60 % a month.</param>
public sealed record InstallmentOffer(int Periods, decimal FeeRatePerPeriod);
