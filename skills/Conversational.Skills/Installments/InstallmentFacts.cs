using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Installments;

/// <summary>The mandatory disclosures and the plan's annualized rate were shown, and the customer was asked to confirm.</summary>
/// <param name="DisclosureIds">The <see cref="InstallmentDisclosures"/> ids, in the order shown.</param>
public sealed record DisclosuresPresented(string Last4, decimal Amount, int Periods, IReadOnlyList<string> DisclosureIds) : SkillFact;

/// <summary>A statement became an installment plan in this conversation.</summary>
public sealed record InstallmentApplied(
    string ApplicationId,
    string Last4,
    decimal Amount,
    int Periods,
    decimal FeePerPeriod,
    decimal TotalFee,
    decimal AnnualizedRate,
    DateOnly FirstDueDate) : SkillFact
{
    public static InstallmentApplied For(InstallmentApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new InstallmentApplied(application.Id, application.Last4, application.Amount, application.Periods,
            application.FeePerPeriod, application.TotalFee, application.AnnualizedRate, application.FirstDueDate);
    }
}

/// <summary>Three wrong one-time codes for the card ending in <paramref name="Last4"/>: bill installments are locked for the rest
/// of this conversation.</summary>
public sealed record InstallmentLockedOut(string Last4) : SkillFact;
