namespace Conversational.Skills.Installments;

/// <summary>
/// The domain event the outbound notifier turns into "your installment was approved": written to the outbox in the
/// transaction that installs the statement.
/// </summary>
public sealed record InstallmentApproved(
    string ApplicationId,
    string CustomerId,
    string Last4,
    decimal Amount,
    int Periods,
    decimal FeePerPeriod,
    decimal TotalFee,
    decimal AnnualizedRate,
    DateOnly FirstDueDate)
{
    public static InstallmentApproved For(InstallmentApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new InstallmentApproved(application.Id, application.CustomerId, application.Last4, application.Amount,
            application.Periods, application.FeePerPeriod, application.TotalFee, application.AnnualizedRate, application.FirstDueDate);
    }
}
