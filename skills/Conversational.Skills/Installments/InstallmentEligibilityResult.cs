namespace Conversational.Skills.Installments;

/// <summary>Whether an amount of a statement can be installed, and if not, every reason why (most fundamental first).</summary>
/// <param name="Amount">The amount checked: the one asked for, or the statement balance.</param>
/// <param name="Refusals">Empty when eligible; ordered as <see cref="InstallmentRefusal"/> is declared.</param>
/// <param name="MinimumAmount">The smallest amount allowed: the table's minimum.</param>
/// <param name="MaximumAmount">The largest amount allowed: the lesser of the statement balance and the table's maximum
/// (below <paramref name="MinimumAmount"/> when no amount is allowed).</param>
public sealed record InstallmentEligibilityResult(
    decimal Amount,
    IReadOnlyList<InstallmentRefusal> Refusals,
    decimal MinimumAmount,
    decimal MaximumAmount)
{
    public bool IsEligible => Refusals.Count == 0;
}
