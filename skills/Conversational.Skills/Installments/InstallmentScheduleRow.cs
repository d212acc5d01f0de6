namespace Conversational.Skills.Installments;

/// <summary>One month of an installment plan.</summary>
/// <param name="Period">1 for the first bill after success.</param>
/// <param name="Payment">Principal plus fee: what this month's bill carries for the plan.</param>
/// <param name="RemainingPrincipal">Principal still owed after this period is paid (0 after the last).</param>
public sealed record InstallmentScheduleRow(int Period, decimal Principal, decimal Fee, decimal Payment, decimal RemainingPrincipal);
