namespace Conversational.Skills.Installments;

/// <summary>An installment plan as <see cref="InstallmentCalculator.Plan(decimal, int, decimal)"/> computes it, in yuan.</summary>
/// <param name="FirstPrincipal">Principal of period 1: <paramref name="PrincipalPerPeriod"/> plus the cents truncation left over.</param>
/// <param name="PrincipalPerPeriod">Principal of periods 2 onward: the amount divided by the periods, truncated to the cent.</param>
/// <param name="FeePerPeriod">The same fee every period: amount × rate, rounded to the cent half away from zero.</param>
/// <param name="TotalFee">Fee per period × periods.</param>
/// <param name="TotalRepayment">Amount plus total fee.</param>
/// <param name="AnnualizedRate">The schedule's monthly internal rate of return × 12, as a fraction rounded half away from zero
/// to 4 decimals (0.1303 is shown as 13.03 %). Chinese regulation requires showing this alongside the fee.</param>
public sealed record InstallmentPlan(
    decimal Amount,
    int Periods,
    decimal FeeRatePerPeriod,
    decimal FirstPrincipal,
    decimal PrincipalPerPeriod,
    decimal FeePerPeriod,
    decimal TotalFee,
    decimal TotalRepayment,
    decimal AnnualizedRate,
    IReadOnlyList<InstallmentScheduleRow> Schedule)
{
    /// <summary>The first month's payment, which carries the leftover cents.</summary>
    public decimal FirstPayment => FirstPrincipal + FeePerPeriod;

    /// <summary>The payment of every month after the first.</summary>
    public decimal RegularPayment => PrincipalPerPeriod + FeePerPeriod;
}
