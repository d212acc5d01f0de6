using Conversational.Skills.Dialogs;
using Stateless;

namespace Conversational.Skills.Installments;

/// <summary>The dialog's state machine: its transitions, pure guards, and what each step says on arrival.</summary>
public sealed partial class InstallmentDialog
{
    private Run Start(Step step, InstallmentSlots slots, SkillTurn turn) =>
        Start(step, slots, InstallmentWording.For(turn.Language), turn.ConversationId);

    private Run Start(Step step, InstallmentSlots slots, InstallmentWording words, string conversationId)
    {
        var run = new Run(step, slots, words, conversationId);
        Configure(run);
        return run;
    }

    private void Configure(Run run)
    {
        var machine = run.Machine;
        PermitStatementChecked(machine.Configure(Step.Start), run)
            .Permit(Trigger.CardNeeded, Step.AwaitingCardLast4)
            .Permit(Trigger.CodeSent, Step.AwaitingCode)
            .Permit(Trigger.SeveralCards, Step.ChoosingCard)
            .Permit(Trigger.Ended, Step.Finished);

        Waiting(machine.Configure(Step.AwaitingCardLast4), run)
            .OnEntryFrom(Trigger.CardNeeded, () => run.Say(run.Words.Join(run.Words.IdentityFirst, run.Words.AskCardLast4)),
                "ask for the card")
            .Permit(Trigger.CodeSent, Step.AwaitingCode);

        PermitStatementChecked(Waiting(machine.Configure(Step.AwaitingCode), run), run)
            .OnEntryFrom(Trigger.CodeSent, () => run.Say(run.Words.Join(run.Words.CodeSent(run.Slots.Last4!), run.Words.AskCode)),
                "code sent")
            .OnEntryFrom(run.CodeRejected, v => run.Say(run.Words.Join(run.Words.WrongCode(v.AttemptsLeft), run.Words.AskCode)),
                "attempts left")
            .PermitReentry(Trigger.CodeSent)
            .PermitReentryIf(run.CodeRejected, IsWrongWithAttemptsLeft, "attempts left")
            .PermitIf(run.CodeRejected, Step.LockedOut, IsLocked, "third wrong code")
            .Permit(Trigger.Ended, Step.Finished);

        PermitStatementChecked(Waiting(machine.Configure(Step.ChoosingCard), run), run)
            .OnEntryFrom(Trigger.SeveralCards, () => Present(run, Step.ChoosingCard, run.Words.CardList(run.Slots.Cards)), "list cards")
            .Permit(Trigger.Ended, Step.Finished);

        Waiting(machine.Configure(Step.ChoosingPlan), run)
            .OnEntryFrom(run.StatementChecked, _ => PresentOffers(run), "offer periods")
            .OnEntryFrom(Trigger.AmountChanged, () => PresentOffers(run), "offer periods")
            .PermitReentry(Trigger.AmountChanged)
            .Permit(Trigger.PlanChosen, Step.AwaitingConfirmation);

        Waiting(machine.Configure(Step.AwaitingConfirmation), run)
            .OnEntryFrom(run.StatementChecked, _ => PresentPlan(run), "show plan and disclosures")
            .OnEntryFrom(Trigger.PlanChosen, () => PresentPlan(run), "show plan and disclosures")
            .PermitReentry(Trigger.PlanChosen)
            .PermitIf(run.StatementChecked, Step.Finished, IsRefused, "refused")
            .Permit(Trigger.Confirmed, Step.Finished)
            .Permit(Trigger.Declined, Step.Finished);

        machine.Configure(Step.Finished)
            .OnEntryFrom(run.StatementChecked, check => run.Say(run.Words.Refusal(run.Slots.Statement!, check.Eligibility)),
                "explain refusal")
            .OnEntryFrom(run.Confirmed, result => Report(run, result), "report result")
            .OnEntryFrom(Trigger.Declined, () => run.Say(run.Words.Declined), "not applied");

        machine.Configure(Step.LockedOut)
            .OnEntry(() => LockOut(run), "lock and hand off");
    }

    /// <summary>A step that waits for the customer: an answer that does not do is explained by the caller, then asked again.</summary>
    private StateMachine<Step, Trigger>.StateConfiguration Waiting(StateMachine<Step, Trigger>.StateConfiguration state, Run run) =>
        state.PermitReentry(Trigger.AnswerRejected)
            .OnEntryFrom(Trigger.AnswerRejected, () => run.Say(Ask(run.Step, run.Slots, run.Words)), "ask again");

    private static StateMachine<Step, Trigger>.StateConfiguration PermitStatementChecked(
        StateMachine<Step, Trigger>.StateConfiguration state, Run run) =>
        state.PermitIf(run.StatementChecked, Step.Finished, IsRefused, "refused")
            .PermitIf(run.StatementChecked, Step.ChoosingPlan, NeedsPeriods, "eligible")
            .PermitIf(run.StatementChecked, Step.AwaitingConfirmation, HasPeriods, "eligible, periods asked for");

    private static bool IsRefused(StatementCheck check) => !check.Eligibility.IsEligible;

    private static bool NeedsPeriods(StatementCheck check) => check.Eligibility.IsEligible && check.Offer is null;

    private static bool HasPeriods(StatementCheck check) => check.Eligibility.IsEligible && check.Offer is not null;

    private static bool IsWrongWithAttemptsLeft(OneTimeCodeVerification verification) =>
        verification.Outcome == OneTimeCodeOutcome.WrongCode;

    private static bool IsLocked(OneTimeCodeVerification verification) => verification.Outcome == OneTimeCodeOutcome.Locked;

    private void Present(Run run, Step step, string details)
    {
        var ask = Ask(step, run.Slots, run.Words)!;
        run.Say(new SkillReply(details + "\n" + ask.Text, ask.QuickReplies));
    }

    private void PresentOffers(Run run) => Present(run, Step.ChoosingPlan,
        run.Words.Offers(run.Slots.Statement!, run.Slots, InstallmentCalculator.Plans(run.Slots.Amount, Table)));

    private void PresentPlan(Run run)
    {
        var plan = Plan(run.Slots);
        IReadOnlyList<InstallmentDisclosure> disclosures =
            [.. InstallmentDisclosures.Mandatory(Table), InstallmentDisclosures.AnnualizedRate(plan)];
        run.Say(run.Words.PlanTable(run.Slots.Statement!, plan, disclosures));
        run.Say(Ask(Step.AwaitingConfirmation, run.Slots, run.Words));
        run.Facts.Add(new DisclosuresPresented(run.Slots.Statement!.Last4, plan.Amount, plan.Periods, [.. disclosures.Select(d => d.Id)]));
    }

    private static void Report(Run run, InstallmentApplicationResult result)
    {
        // The same conversation finding its own application (a turn retried after the write) has still applied.
        if (result.Application is { } application
            && (result.Status == InstallmentApplicationStatus.Applied || application.ConversationId == run.ConversationId))
        {
            run.Say(run.Words.Applied(application));
            run.Facts.Add(InstallmentApplied.For(application));
        }
        else
        {
            run.Say(result.Application is { } first ? run.Words.AlreadyApplied(first) : run.Words.StatementUnavailable);
        }
    }

    private static void LockOut(Run run)
    {
        run.Say(run.Words.LockedOut);
        run.Facts.Add(new InstallmentLockedOut(run.Slots.Last4!));
        run.HandoffReason = SkillHandoffReasons.Lockout;
    }

    /// <summary>One turn of the dialog: the machine around the step, the slots, and what the turn says and records.</summary>
    private sealed class Run
    {
        public Run(Step step, InstallmentSlots slots, InstallmentWording words, string conversationId)
        {
            Step = step;
            Slots = slots;
            Words = words;
            ConversationId = conversationId;
            Machine = new StateMachine<Step, Trigger>(() => Step, s => Step = s);
            StatementChecked = Machine.SetTriggerParameters<StatementCheck>(Trigger.StatementChecked);
            CodeRejected = Machine.SetTriggerParameters<OneTimeCodeVerification>(Trigger.CodeRejected);
            Confirmed = Machine.SetTriggerParameters<InstallmentApplicationResult>(Trigger.Confirmed);
        }

        public Step Step { get; private set; }

        public InstallmentSlots Slots { get; set; }

        public InstallmentWording Words { get; }

        public string ConversationId { get; }

        public StateMachine<Step, Trigger> Machine { get; }

        public StateMachine<Step, Trigger>.TriggerWithParameters<StatementCheck> StatementChecked { get; }

        public StateMachine<Step, Trigger>.TriggerWithParameters<OneTimeCodeVerification> CodeRejected { get; }

        public StateMachine<Step, Trigger>.TriggerWithParameters<InstallmentApplicationResult> Confirmed { get; }

        public List<SkillReply> Replies { get; } = [];

        public List<SkillFact> Facts { get; } = [];

        public string? HandoffReason { get; set; }

        public void Fire(Trigger trigger) => Machine.Fire(trigger);

        public void Fire<T>(StateMachine<Step, Trigger>.TriggerWithParameters<T> trigger, T argument) => Machine.Fire(trigger, argument);

        public void Say(string text, IReadOnlyList<string>? quickReplies = null) => Replies.Add(new SkillReply(text, quickReplies));

        public void Say(SkillReply? reply)
        {
            if (reply is not null)
            {
                Replies.Add(reply);
            }
        }

        /// <summary>The turn's outcome: the dialog waits at its step, or has finished (done, refused, or locked and handed off).</summary>
        public DialogOutcome Outcome(string skill) => new()
        {
            Replies = Replies,
            Facts = Facts,
            HandoffReason = HandoffReason,
            Next = Step is Step.Finished or Step.LockedOut ? null : DialogSlots.Snapshot(skill, Step, Slots),
        };
    }
}
