using Conversational.Skills.Dialogs;
using Stateless;

namespace Conversational.Skills.Pricing;

/// <summary>The dialog's state machine: where a read message leads (pure guards), and what each step says on arrival.</summary>
public sealed partial class PriceDialog
{
    private Run Start(Step step, PriceSlots slots)
    {
        var run = new Run(step, slots);
        Configure(run);
        return run;
    }

    private void Configure(Run run)
    {
        var machine = run.Machine;
        machine.Configure(Step.Start)
            .PermitIf(run.Read, Step.Quoted, IsComplete, "cart complete")
            .PermitIf(run.Read, Step.ChoosingProduct, HasChoice, "a name fits several")
            .PermitIf(run.Read, Step.AwaitingProduct, IsMissing, "no product");

        machine.Configure(Step.AwaitingProduct)
            .OnEntryFrom(run.Read, _ => run.Say(Ask(Step.AwaitingProduct, run.Slots, run.Words)), "ask which product")
            .PermitIf(run.Read, Step.Quoted, IsComplete, "cart complete")
            .PermitIf(run.Read, Step.ChoosingProduct, HasChoice, "a name fits several")
            .PermitReentryIf(run.Read, IsMissing, "still no product")
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.ChoosingProduct)
            .OnEntryFrom(run.Read, _ => run.Say(Ask(Step.ChoosingProduct, run.Slots, run.Words)), "offer the matches")
            .PermitIf(run.Read, Step.Quoted, IsComplete, "cart complete")
            .PermitReentryIf(run.Read, HasChoice, "another name fits several")
            .PermitIf(run.Read, Step.AwaitingProduct, IsMissing, "no product")
            .Permit(Trigger.Declined, Step.Ended);

        // At rest: the quote is given, and a follow-up changes the cart and quotes again.
        machine.Configure(Step.Quoted)
            .OnEntryFrom(run.Read, reading => Present(run, reading.Priced!), "quote, breakdown, coupons to use")
            .PermitReentryIf(run.Read, IsComplete, "cart changed")
            .PermitIf(run.Read, Step.ChoosingProduct, HasChoice, "a name fits several")
            .PermitIf(run.Read, Step.AwaitingProduct, IsMissing, "cart emptied")
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.Ended)
            .OnEntryFrom(Trigger.Declined, () => run.Say(run.Words.Declined), "no price wanted");
    }

    private static bool IsComplete(Reading reading) => reading.Choices.Count == 0 && reading.Cart.Count > 0;

    private static bool HasChoice(Reading reading) => reading.Choices.Count > 0;

    private static bool IsMissing(Reading reading) => reading.Choices.Count == 0 && reading.Cart.Count == 0;

    private static void Present(Run run, PricedCart priced)
    {
        run.Say(run.Words.Quote(priced), run.Words.QuoteOptions);
        run.Facts.Add(PriceQuoted.For(priced.Quote));
    }

    /// <summary>
    /// A message read against the catalog: the cart and choices it leaves, and for a complete cart its quote. What the
    /// guards route on; <see cref="Priced"/> is computed before the trigger fires, so the entry actions only speak.
    /// </summary>
    private sealed record Reading(IReadOnlyList<PriceItem> Cart, IReadOnlyList<PriceChoice> Choices, PricedCart? Priced);

    /// <summary>One turn of the dialog: the machine around the step, the slots, and what the turn says and records.</summary>
    private sealed class Run
    {
        public Run(Step step, PriceSlots slots)
        {
            Step = step;
            Slots = slots;
            Machine = new StateMachine<Step, Trigger>(() => Step, s => Step = s);
            Read = Machine.SetTriggerParameters<Reading>(Trigger.Read);
        }

        public Step Step { get; private set; }

        public PriceSlots Slots { get; set; }

        public PriceWording Words => PriceWording.For(Slots.Language);

        public StateMachine<Step, Trigger> Machine { get; }

        public StateMachine<Step, Trigger>.TriggerWithParameters<Reading> Read { get; }

        public List<SkillReply> Replies { get; } = [];

        public List<SkillFact> Facts { get; } = [];

        public void Fire(Trigger trigger) => Machine.Fire(trigger);

        public void Fire(Reading reading) => Machine.Fire(Read, reading);

        public void Say(string text, IReadOnlyList<string>? quickReplies = null) => Replies.Add(new SkillReply(text, quickReplies));

        public void Say(IEnumerable<string> texts) => Replies.AddRange(texts.Select(text => new SkillReply(text)));

        public void Say(SkillReply? reply)
        {
            if (reply is not null)
            {
                Replies.Add(reply);
            }
        }

        /// <summary>The turn's outcome: the dialog waits (or rests) at its step, or has ended.</summary>
        public DialogOutcome Outcome(string skill) => new()
        {
            Replies = Replies,
            Facts = Facts,
            Next = Step is Step.Ended or Step.Start ? null : DialogSlots.Snapshot(skill, Step, Slots),
        };
    }
}
