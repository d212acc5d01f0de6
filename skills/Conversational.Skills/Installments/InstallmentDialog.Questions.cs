using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Installments;

/// <summary>What the dialog asks at each step, and how it answers a question in the middle.</summary>
public sealed partial class InstallmentDialog
{
    /// <summary>The step's question, asked on arrival and after anything in the middle; null when the dialog is not waiting.</summary>
    private SkillReply? Ask(Step step, InstallmentSlots slots, InstallmentWording words) => step switch
    {
        Step.AwaitingCardLast4 => new(words.AskCardLast4),
        Step.AwaitingCode => new(words.AskCode),
        Step.ChoosingCard => new(words.AskCard, [.. slots.Cards.Select(c => words.CardOption(c.Last4))]),
        Step.ChoosingPlan => new(words.AskPeriods, [.. Table.Periods.Select(words.PeriodOption)]),
        Step.AwaitingConfirmation => new(words.AskConfirmation(Plan(slots)), words.ConfirmationOptions),
        _ => null,
    };

    private string Answer(InstallmentQuestion question, InstallmentSlots slots, InstallmentWording words)
    {
        // Figures of the customer's own plan once there is one; the rules of the table before. Nothing about a statement is
        // told before the customer is verified, as until then slots hold none.
        var plan = slots.Offer is null ? null : Plan(slots);
        return question switch
        {
            InstallmentQuestion.EarlyPayoff => words.AboutEarlyPayoff(Table.EarlyPayoffFeeRate, plan),
            InstallmentQuestion.AnnualizedRate => plan is not null
                ? InstallmentDisclosures.AnnualizedRate(plan).Text(words.Language)
                : words.AboutAnnualizedRates(slots.Statement is null ? [] : InstallmentCalculator.Plans(slots.Amount, Table)),
            InstallmentQuestion.CreditLimit => Disclosure(InstallmentDisclosures.OccupiesCreditLimitId, words),
            InstallmentQuestion.Changes => Disclosure(InstallmentDisclosures.FixedAfterSuccessId, words),
            InstallmentQuestion.Fee => words.AboutFee(Table, plan),
            _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
        };
    }

    private string Disclosure(string id, InstallmentWording words) =>
        InstallmentDisclosures.Mandatory(Table).Single(d => d.Id == id).Text(words.Language);

    private static InstallmentPlan Plan(InstallmentSlots slots) =>
        InstallmentCalculator.Plan(slots.Amount, slots.Offer ?? throw new InvalidOperationException("No periods were chosen."));
}
