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

    /// <summary>What the eligibility check of a statement found, and the offer asked for up front if any.</summary>
    private sealed record StatementCheck(InstallmentEligibilityResult Eligibility, InstallmentOffer? Offer);
}
