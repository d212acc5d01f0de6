using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Installments;

/// <summary>The dialog's moves: look the card up, send a code, check, change, apply; each ends by firing its trigger.</summary>
public sealed partial class InstallmentDialog
{
    /// <summary>A verified customer's cards: straight to the one named or the only one, else a choice.</summary>
    private async Task FindCardsAsync(Run run, SkillTurn turn, string? namedLast4, CancellationToken cancellationToken)
    {
        var cards = await store.ListStatementsAsync(turn.CustomerId, cancellationToken);
        var named = cards.FirstOrDefault(c => c.Last4 == namedLast4);
        if (namedLast4 is not null && named is null && cards.Count > 0)
        {
            run.Say(run.Words.NotYourCard(namedLast4));
        }
        if (named is not null || cards.Count == 1)
        {
            Check(run, turn, named ?? cards[0]);
        }
        else if (cards.Count == 0)
        {
            run.Say(run.Words.NoStatements);
            run.Fire(Trigger.Ended);
        }
        else
        {
            run.Slots = run.Slots with { Cards = cards };
            run.Fire(Trigger.SeveralCards);
        }
    }

    /// <summary>Reads the card's statement as it is now (a list shown minutes ago may be stale) and checks it.</summary>
    private async Task CheckStatementAsync(Run run, SkillTurn turn, string last4, CancellationToken cancellationToken)
    {
        if (await store.FindStatementAsync(turn.CustomerId, last4, cancellationToken) is { } statement)
        {
            Check(run, turn, statement);
        }
        else
        {
            run.Say(run.Words.NoStatements);
            run.Fire(Trigger.Ended);
        }
    }

    private void Check(Run run, SkillTurn turn, CardStatement statement)
    {
        var eligibility = InstallmentEligibility.Check(statement, Table, amount: null, ChinaTime.Today(turn.Now));
        var offer = run.Slots.RequestedPeriods is { } asked ? Table.FindOffer(asked) : null;
        if (eligibility.IsEligible && offer is null && run.Slots.RequestedPeriods is { } unavailable)
        {
            run.Say(run.Words.PeriodsNotOffered(unavailable, Table.Periods));
        }

        run.Slots = run.Slots with
        {
            Last4 = statement.Last4,
            Cards = [],
            Statement = statement,
            Amount = eligibility.Amount,
            MinimumAmount = eligibility.MinimumAmount,
            MaximumAmount = eligibility.MaximumAmount,
            Offer = eligibility.IsEligible ? offer : null,
        };
        run.Fire(run.StatementChecked, new StatementCheck(eligibility, run.Slots.Offer));
    }

    private async Task SendCodeAsync(Run run, SkillTurn turn, string last4, CancellationToken cancellationToken)
    {
        var code = await codes.IssueAsync(turn.CustomerId, last4, cancellationToken);
        // A new code carries the wrong attempts of the last one: resending must not reset the count towards the lockout.
        run.Slots = run.Slots with
        {
            Last4 = last4,
            Code = code with { FailedAttempts = run.Slots.Code?.FailedAttempts ?? 0 },
            CodesSent = run.Slots.CodesSent + 1,
        };
        run.Fire(Trigger.CodeSent);
    }

    private async Task<bool> ResendCodeAsync(Run run, SkillTurn turn, string? reason, CancellationToken cancellationToken)
    {
        if (run.Slots.CodesSent >= MaxCodesSent)
        {
            return Reject(run, run.Words.NoMoreCodes);
        }

        if (reason is not null)
        {
            run.Say(reason);
        }

        await SendCodeAsync(run, turn, run.Slots.Last4!, cancellationToken);
        return true;
    }

    /// <summary>Changes the amount if it is in the allowed range; otherwise says the range and asks again.</summary>
    private bool TryChangeAmount(Run run, SkillTurn turn, decimal amount)
    {
        // Only the amount is judged here; the statement itself is checked again at confirmation.
        var eligibility = InstallmentEligibility.Check(run.Slots.Statement!, Table, amount, ChinaTime.Today(turn.Now));
        if (eligibility.Refusals.Any(r => r is InstallmentRefusal.BelowMinimum or InstallmentRefusal.AboveStatementBalance
                or InstallmentRefusal.AboveMaximum))
        {
            Reject(run, run.Words.AmountOutOfRange(eligibility.MinimumAmount, eligibility.MaximumAmount));
            return false;
        }

        run.Slots = run.Slots with { Amount = amount };
        return true;
    }

    private bool ChoosePeriods(Run run, int periods)
    {
        if (Table.FindOffer(periods) is not { } offer)
        {
            return Reject(run, run.Words.PeriodsNotOffered(periods, Table.Periods));
        }

        run.Slots = run.Slots with { Offer = offer };
        run.Fire(Trigger.PlanChosen);
        return true;
    }

    private async Task ApplyAsync(Run run, SkillTurn turn, CancellationToken cancellationToken)
    {
        var statement = run.Slots.Statement!;
        var eligibility = InstallmentEligibility.Check(statement, Table, run.Slots.Amount, ChinaTime.Today(turn.Now));
        if (!eligibility.IsEligible)
        {
            run.Fire(run.StatementChecked, new StatementCheck(eligibility, Offer: null));
            return;
        }

        var application = InstallmentApplication.For(statement, Plan(run.Slots), turn.TurnId, turn.ConversationId, turn.Now);
        run.Fire(run.Confirmed, await store.ApplyAsync(application, cancellationToken));
    }

    /// <summary>Says why an answer does not do and asks the step again; without a reason the message was no answer at all.</summary>
    private static bool Reject(Run run, string? reason)
    {
        if (reason is null)
        {
            return false;
        }

        run.Say(reason);
        run.Fire(Trigger.AnswerRejected);
        return true;
    }
}
