using Conversational.Knowledge.Understanding;
using Conversational.Skills.Dialogs;
using Microsoft.Extensions.Options;
using Stateless.Graph;

namespace Conversational.Skills.Installments;

/// <summary>
/// 账单分期 as a dialog. Identity first: the app's login, or the card's last 4 and a one-time code (three wrong codes lock the
/// skill for the conversation and hand the customer to a person). Then the card (a choice when there are several), its
/// eligibility (every refusal explained), the periods with each one's monthly payment (the amount may be lowered), the plan
/// with the mandatory disclosures, and only after an explicit yes the one, idempotent application. Questions about fees, the
/// annualized rate, the credit limit or early payoff are answered at any step, which is then asked again.
/// </summary>
/// <remarks>
/// The step and slots live in the conversation's log (<see cref="DialogSnapshot"/>); each turn rebuilds the machine around them.
/// Work that touches the world (sending a code, applying) is done before a trigger is fired; the machine's entry actions say
/// what the new step shows, and its guards are pure.
/// </remarks>
public sealed partial class InstallmentDialog(
    IInstallmentStore store,
    OneTimeCodeChallenge codes,
    IOptions<InstallmentProductTable> products) : ISkillDialog
{
    /// <summary>Codes one conversation may send (the first and two more), so "resend" cannot flood a phone.</summary>
    public const int MaxCodesSent = 3;

    private enum Step
    {
        Start,
        AwaitingCardLast4,
        AwaitingCode,
        ChoosingCard,
        ChoosingPlan,
        AwaitingConfirmation,
        Finished,
        LockedOut,
    }

    private enum Trigger
    {
        CardNeeded,
        CodeSent,
        CodeRejected,
        SeveralCards,
        StatementChecked,
        AmountChanged,
        PlanChosen,
        AnswerRejected,
        Confirmed,
        Declined,
        Ended,
    }

    public string Skill => Intents.BillInstallment;

    public IReadOnlyCollection<string> StartIntents { get; } = [Intents.BillInstallment];

    private InstallmentProductTable Table => products.Value;

    public async Task<DialogOutcome> BeginAsync(SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var run = Start(Step.Start, new InstallmentSlots { RequestedPeriods = InstallmentAnswers.NamedPeriods(turn) }, turn);
        if (turn.Facts.OfType<InstallmentLockedOut>().Any())
        {
            run.Say(run.Words.StillLockedOut, [run.Words.AgentOption]);
            run.Fire(Trigger.Ended);
        }
        else if (turn.CustomerVerified)
        {
            run.Slots = run.Slots with { Verified = true };
            await FindCardsAsync(run, turn, InstallmentAnswers.NamedLast4(turn), cancellationToken);
        }
        else if (InstallmentAnswers.NamedLast4(turn) is { } last4
                 && await store.FindStatementAsync(turn.CustomerId, last4, cancellationToken) is not null)
        {
            run.Say(run.Words.IdentityFirst);
            await SendCodeAsync(run, turn, last4, cancellationToken);
        }
        else
        {
            run.Fire(Trigger.CardNeeded);
        }

        return run.Outcome(Skill);
    }

    public async Task<DialogOutcome> ContinueAsync(DialogSnapshot snapshot, SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (step, slots) = DialogSlots.Read<Step, InstallmentSlots>(snapshot, Skill);
        var run = Start(step, slots, turn);
        if (InstallmentAnswers.Question(turn) is { } question)
        {
            run.Say(Answer(question, slots, run.Words));
            run.Say(Ask(step, slots, run.Words));
            return run.Outcome(Skill);
        }

        var understood = step switch
        {
            Step.AwaitingCardLast4 => await OnCardLast4Async(run, turn, cancellationToken),
            Step.AwaitingCode => await OnCodeAsync(run, turn, cancellationToken),
            Step.ChoosingCard => await OnCardChoiceAsync(run, turn, cancellationToken),
            Step.ChoosingPlan => OnPlanChoice(run, turn),
            Step.AwaitingConfirmation => await OnConfirmationAsync(run, turn, cancellationToken),
            _ => throw new InvalidOperationException($"{Skill} never waits at {step}."),
        };
        return understood ? run.Outcome(Skill) : new DialogOutcome { Next = snapshot, Understood = false };
    }

    public SkillReply? Prompt(DialogSnapshot snapshot, string language)
    {
        var (step, slots) = DialogSlots.Read<Step, InstallmentSlots>(snapshot, Skill);
        return Ask(step, slots, InstallmentWording.For(language));
    }

    public string ToMermaid() =>
        MermaidGraph.Format(Start(Step.Start, new InstallmentSlots(), InstallmentWording.Chinese, conversationId: "").Machine.GetInfo());

    private async Task<bool> OnCardLast4Async(Run run, SkillTurn turn, CancellationToken cancellationToken)
    {
        if (InstallmentAnswers.Last4(turn) is not { } last4)
        {
            return Reject(run, InstallmentAnswers.HasDigits(turn) ? run.Words.Last4Malformed : null);
        }

        if (await store.FindStatementAsync(turn.CustomerId, last4, cancellationToken) is null)
        {
            return Reject(run, run.Words.CardNotFound(last4));
        }

        await SendCodeAsync(run, turn, last4, cancellationToken);
        return true;
    }

    private async Task<bool> OnCodeAsync(Run run, SkillTurn turn, CancellationToken cancellationToken)
    {
        if (InstallmentAnswers.AsksToResend(turn))
        {
            return await ResendCodeAsync(run, turn, reason: null, cancellationToken);
        }

        // Only what looks like a code is tried: anything else would count as a wrong attempt.
        if (InstallmentAnswers.Code(turn) is not { } code)
        {
            return Reject(run, InstallmentAnswers.HasDigits(turn) ? run.Words.CodeMalformed : null);
        }

        var verification = codes.Verify(run.Slots.Code ?? throw new InvalidOperationException("No one-time code was sent."), code);
        run.Slots = run.Slots with { Code = verification.State };
        switch (verification.Outcome)
        {
            case OneTimeCodeOutcome.Verified:
                run.Slots = run.Slots with { Verified = true };
                run.Say(run.Words.Verified);
                await CheckStatementAsync(run, turn, run.Slots.Last4!, cancellationToken);
                return true;
            case OneTimeCodeOutcome.WrongCode or OneTimeCodeOutcome.Locked:
                run.Fire(run.CodeRejected, verification);
                return true;
            default:
                return await ResendCodeAsync(run, turn, run.Words.CodeExpired, cancellationToken);
        }
    }

    private async Task<bool> OnCardChoiceAsync(Run run, SkillTurn turn, CancellationToken cancellationToken)
    {
        var cards = run.Slots.Cards;
        var last4 = InstallmentAnswers.Last4(turn);
        var chosen = cards.FirstOrDefault(c => c.Last4 == last4)
            ?? (DialogAnswers.Pick(turn.Text, [.. cards.Select(c => run.Words.CardOption(c.Last4))]) is { } index ? cards[index] : null);
        if (chosen is null)
        {
            return Reject(run, last4 is null ? null : run.Words.NotYourCard(last4));
        }

        await CheckStatementAsync(run, turn, chosen.Last4, cancellationToken);
        return true;
    }

    private bool OnPlanChoice(Run run, SkillTurn turn)
    {
        var amount = InstallmentAnswers.Amount(turn);
        var periods = InstallmentAnswers.Periods(turn);
        if (amount is { } yuan && !TryChangeAmount(run, turn, yuan))
        {
            return true;
        }

        if (periods is { } count)
        {
            return ChoosePeriods(run, count);
        }

        if (amount is null)
        {
            return false;
        }

        run.Say(run.Words.AmountChanged(run.Slots.Amount));
        run.Fire(Trigger.AmountChanged);
        return true;
    }

    private async Task<bool> OnConfirmationAsync(Run run, SkillTurn turn, CancellationToken cancellationToken)
    {
        var amount = InstallmentAnswers.Amount(turn);
        var periods = InstallmentAnswers.Periods(turn);
        var newAmount = amount is { } yuan && yuan != run.Slots.Amount ? amount : null;
        if (newAmount is not null || (periods is { } count && count != run.Slots.Offer!.Periods))
        {
            if (newAmount is { } changed && !TryChangeAmount(run, turn, changed))
            {
                return true;
            }

            // A changed plan is shown again, with its disclosures, before anything is confirmed.
            return ChoosePeriods(run, periods ?? run.Slots.Offer!.Periods);
        }

        if (DialogAnswers.IsYes(turn.Text))
        {
            await ApplyAsync(run, turn, cancellationToken);
            return true;
        }

        if (DialogAnswers.IsNo(turn.Text))
        {
            run.Fire(Trigger.Declined);
            return true;
        }

        return false;
    }

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

    /// <summary>What the eligibility check of a statement found, and the offer asked for up front if any.</summary>
    private sealed record StatementCheck(InstallmentEligibilityResult Eligibility, InstallmentOffer? Offer);
}
