namespace Conversational.Skills.Installments;

/// <summary>A statement turned into an installment plan, as the bank keeps it: what the customer confirmed, and when.</summary>
/// <param name="Id">The application's own id.</param>
/// <param name="RequestKey">The id of the customer message that confirmed it; a retried request carries the same key.</param>
/// <param name="ConversationId">The conversation it was confirmed in.</param>
/// <param name="StatementDate">With <paramref name="CardId"/>, the statement installed; a statement is installed at most once.</param>
/// <param name="AnnualizedRate">The plan's IRR-based annualized rate, a fraction with 4 decimals (0.1303).</param>
/// <param name="FirstDueDate">When the first period is due: the next statement's due date.</param>
public sealed record InstallmentApplication(
    string Id,
    string RequestKey,
    string ConversationId,
    string CustomerId,
    string CardId,
    string Last4,
    DateOnly StatementDate,
    decimal Amount,
    int Periods,
    decimal FeePerPeriod,
    decimal TotalFee,
    decimal AnnualizedRate,
    DateOnly FirstDueDate,
    DateTimeOffset AppliedAt)
{
    /// <summary>The application for <paramref name="plan"/> on <paramref name="statement"/>, under a new id.</summary>
    public static InstallmentApplication For(CardStatement statement, InstallmentPlan plan, string requestKey, string conversationId,
        DateTimeOffset appliedAt)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(plan);
        return new InstallmentApplication($"ia-{Guid.CreateVersion7():N}", requestKey, conversationId, statement.CustomerId,
            statement.CardId, statement.Last4, statement.StatementDate, plan.Amount, plan.Periods, plan.FeePerPeriod, plan.TotalFee,
            plan.AnnualizedRate, statement.FirstInstallmentDueDate, appliedAt);
    }
}
