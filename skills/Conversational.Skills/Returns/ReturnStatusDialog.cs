using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Microsoft.Extensions.Options;
using Stateless;
using Stateless.Graph;

namespace Conversational.Skills.Returns;

/// <summary>
/// "我的退货到哪了": the timeline of a return ticket, in the customer's language and the shop's time. A ticket or order
/// number in the message picks the ticket; otherwise the open tickets (or, with none open, all of them) are the
/// candidates: one is shown, several are offered to pick from, none is said, with the way to start a return.
/// A small private Stateless machine (ReturnStatusDialog.mmd), rebuilt every turn like <see cref="ReturnDialog"/>'s.
/// </summary>
public sealed class ReturnStatusDialog(OrderStore orders, RmaStore rmas, IOptions<ReturnPolicy> policy) : ISkillDialog
{
    internal enum Step
    {
        Start,
        ChoosingTicket,
        TimelineShown,
        NoTickets,
        Ended,
    }

    private enum Trigger
    {
        Found,
        NoneFound,
        Picked,
        Declined,
    }

    public string Skill => Intents.ReturnStatus;

    public IReadOnlyCollection<string> StartIntents => [Intents.ReturnStatus];

    public async Task<DialogOutcome> BeginAsync(SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var c = new Turn(Step.Start, new ReturnStatusSlots { Language = turn.Language }, await rmas.ListByCustomerAsync(turn.CustomerId, cancellationToken));
        var machine = Machine(c);
        var candidates = c.Tickets.Where(IsOpen).ToList() is { Count: > 0 } open ? open : [.. c.Tickets];
        if (turn.Find<OrderNumber>() is { } number)
        {
            var named = c.Tickets.Where(rma => rma.RmaId == number.Number || rma.OrderId == number.Number).ToList();
            if (named.Count == 0)
            {
                c.Replies.Add(new SkillReply(c.Text.NoTicketFor(number.Number)));
            }
            else
            {
                candidates = named;
            }
        }

        await ChooseAsync(c, candidates, cancellationToken);
        machine.Fire(candidates.Count == 0 ? Trigger.NoneFound : Trigger.Found);
        return Outcome(c);
    }

    public async Task<DialogOutcome> ContinueAsync(DialogSnapshot snapshot, SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (step, slots) = DialogSlots.Read<Step, ReturnStatusSlots>(snapshot, Skill);
        var c = new Turn(step, slots, await rmas.ListByCustomerAsync(turn.CustomerId, cancellationToken));
        var machine = Machine(c);
        var number = turn.Find<OrderNumber>()?.Number;
        var picked = slots.Question?.QuickReplies is { } titles && DialogAnswers.Pick(turn.Text, [.. titles.Take(slots.Options.Count)]) is { } index
            ? slots.Options[index]
            : slots.Options.FirstOrDefault(id => id == number || c.Tickets.Any(rma => rma.RmaId == id && rma.OrderId == number));
        if (step == Step.ChoosingTicket && c.Tickets.FirstOrDefault(rma => rma.RmaId == picked) is { } ticket)
        {
            await ChooseAsync(c, [ticket], cancellationToken);
            machine.Fire(Trigger.Picked);
            return Outcome(c);
        }

        if (step == Step.ChoosingTicket && DialogAnswers.IsNo(turn.Text))
        {
            machine.Fire(Trigger.Declined);
            return Outcome(c);
        }

        return new DialogOutcome { Understood = false };
    }

    public SkillReply? Prompt(DialogSnapshot snapshot, string language) =>
        DialogSlots.Read<Step, ReturnStatusSlots>(snapshot, Skill).Slots.Question;

    public string ToMermaid() =>
        MermaidGraph.Format(Machine(new Turn(Step.Start, new ReturnStatusSlots { Language = TextLanguage.Chinese }, [])).GetInfo());

    private StateMachine<Step, Trigger> Machine(Turn c)
    {
        var machine = new StateMachine<Step, Trigger>(() => c.Step, step => c.Step = step);

        machine.Configure(Step.Start)
            .PermitIf(Trigger.Found, Step.TimelineShown, () => IsOne(c.Candidates), "one ticket")
            .PermitIf(Trigger.Found, Step.ChoosingTicket, () => !IsOne(c.Candidates), "several")
            .Permit(Trigger.NoneFound, Step.NoTickets);

        machine.Configure(Step.ChoosingTicket)
            .OnEntry(() => AskTicket(c), "list tickets")
            .Permit(Trigger.Picked, Step.TimelineShown)
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.TimelineShown)
            .OnEntry(() => ShowTimeline(c), "show timeline");

        machine.Configure(Step.NoTickets)
            .OnEntry(() => c.Replies.Add(new SkillReply(c.Text.NoTickets, [c.Text.StartReturn])), "offer a return");

        return machine;
    }

    private static bool IsOne(IReadOnlyList<Rma> candidates) => candidates.Count == 1;

    /// <summary>A ticket still on its way somewhere; closed and rejected ones are history.</summary>
    private static bool IsOpen(Rma rma) => rma.Status is not (RmaStatus.Closed or RmaStatus.Rejected);

    /// <summary>Sets the candidates and reads their orders (for item names), so the steps' entry can say them.</summary>
    private async Task ChooseAsync(Turn c, IReadOnlyList<Rma> candidates, CancellationToken cancellationToken)
    {
        c.Candidates = candidates;
        foreach (var orderId in candidates.Select(rma => rma.OrderId).Distinct())
        {
            if (await orders.FindAsync(orderId, cancellationToken) is { } order)
            {
                c.Orders[orderId] = order;
            }
        }
    }

    private void ShowTimeline(Turn c) =>
        c.Replies.Add(new SkillReply(c.Text.Timeline(c.Candidates[0], c.OrderOf(c.Candidates[0]), policy.Value)));

    private static void AskTicket(Turn c)
    {
        var lines = c.Candidates.Select(rma => c.Text.TicketOption(rma, c.OrderOf(rma))).ToList();
        var question = new SkillReply(c.Text.ChooseTicket(lines), lines);
        c.Slots = c.Slots with { Question = question, Options = [.. c.Candidates.Select(rma => rma.RmaId)] };
        c.Replies.Add(question);
    }

    private DialogOutcome Outcome(Turn c) => new()
    {
        Replies = c.Replies,
        Next = c.Step == Step.ChoosingTicket ? DialogSlots.Snapshot(Skill, c.Step, c.Slots) : null,
    };

    private sealed class Turn(Step step, ReturnStatusSlots slots, IReadOnlyList<Rma> tickets)
    {
        public Step Step { get; set; } = step;

        public ReturnStatusSlots Slots { get; set; } = slots;

        public IReadOnlyList<Rma> Tickets { get; } = tickets;

        public IReadOnlyList<Rma> Candidates { get; set; } = [];

        public Dictionary<string, Order> Orders { get; } = new(StringComparer.Ordinal);

        public Order? OrderOf(Rma rma) => Orders.GetValueOrDefault(rma.OrderId);

        public ReturnText Text => ReturnText.For(Slots.Language);

        public List<SkillReply> Replies { get; } = [];
    }
}
