namespace Conversational.Skills.Installments;

/// <summary>One credit card's latest statement: what a bill installment (账单分期) is taken against.</summary>
/// <param name="StatementBalance">The statement's new balance (本期应还); zero or negative when nothing is owed.</param>
/// <param name="MinimumPayment">The statement's minimum payment (最低还款额).</param>
/// <param name="AlreadyInstalled">True once this statement is an installment plan; a statement is installed at most once.</param>
public sealed record CardStatement(
    string CardId,
    string CustomerId,
    string Last4,
    DateOnly StatementDate,
    DateOnly DueDate,
    decimal StatementBalance,
    decimal MinimumPayment,
    decimal CreditLimit,
    bool AlreadyInstalled)
{
    /// <summary>An installment's first period is billed on the next statement, due a month after this one.</summary>
    public DateOnly FirstInstallmentDueDate => DueDate.AddMonths(1);
}
