namespace Conversational.Skills.Installments;

/// <summary>Decides whether a statement, or part of it, can become an installment plan.</summary>
public static class InstallmentEligibility
{
    /// <summary>
    /// Checks <paramref name="amount"/> (default: the whole statement balance) of <paramref name="statement"/> against
    /// <paramref name="table"/>. An amount is allowed from the table's minimum up to the lesser of the balance and the table's maximum,
    /// on a statement that is not installed yet, not past due (<paramref name="today"/> after the due date) and owes something.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="amount"/> has fractions of a cent.</exception>
    public static InstallmentEligibilityResult Check(
        CardStatement statement, InstallmentProductTable table, decimal? amount, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(table);
        var checkedAmount = amount ?? statement.StatementBalance;
        Cents.ThrowIfNotWhole(checkedAmount, nameof(amount));

        var refusals = new List<InstallmentRefusal>();
        if (statement.AlreadyInstalled)
        {
            refusals.Add(InstallmentRefusal.AlreadyInstalled);
        }

        if (today > statement.DueDate)
        {
            refusals.Add(InstallmentRefusal.StatementPastDue);
        }

        if (statement.StatementBalance <= 0m)
        {
            refusals.Add(InstallmentRefusal.NothingToInstall);
        }
        else
        {
            if (checkedAmount < table.MinimumAmount)
            {
                refusals.Add(InstallmentRefusal.BelowMinimum);
            }

            if (checkedAmount > statement.StatementBalance)
            {
                refusals.Add(InstallmentRefusal.AboveStatementBalance);
            }

            if (checkedAmount > table.MaximumAmount)
            {
                refusals.Add(InstallmentRefusal.AboveMaximum);
            }
        }

        var maximum = Math.Min(Math.Max(statement.StatementBalance, 0m), table.MaximumAmount);
        return new InstallmentEligibilityResult(checkedAmount, refusals, table.MinimumAmount, maximum);
    }
}
