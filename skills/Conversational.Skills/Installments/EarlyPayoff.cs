namespace Conversational.Skills.Installments;

/// <summary>
/// Paying a plan off early (提前还清): the remaining principal plus a one-time fee on it, 3 % by default
/// (<see cref="InstallmentProductTable.EarlyPayoffFeeRate"/>), rounded to the cent half away from zero.
/// Fees of the periods not yet billed are not charged.
/// </summary>
public static class EarlyPayoff
{
    /// <summary>Principal still owed after <paramref name="periodsPaid"/> periods have been paid.</summary>
    /// <param name="periodsPaid">From 0 (nothing paid yet) to one less than the plan's periods.</param>
    public static decimal RemainingPrincipal(InstallmentPlan plan, int periodsPaid)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(periodsPaid);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(periodsPaid, plan.Periods);
        return periodsPaid == 0 ? plan.Amount : plan.Schedule[periodsPaid - 1].RemainingPrincipal;
    }

    /// <summary>The one-time early-payoff fee: remaining principal × <paramref name="rate"/>, rounded to the cent.</summary>
    /// <param name="periodsPaid">From 0 to one less than the plan's periods: after the last period there is nothing to pay off.</param>
    /// <param name="rate">A fraction of the remaining principal, at least 0 and below 1.</param>
    public static decimal Fee(InstallmentPlan plan, int periodsPaid, decimal rate = InstallmentProductTable.DefaultEarlyPayoffFeeRate)
    {
        if (!InstallmentProductTable.IsRate(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "An early-payoff fee rate must be at least 0 and less than 1.");
        }

        return Cents.Round(RemainingPrincipal(plan, periodsPaid) * rate);
    }
}
