using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Microsoft.Extensions.Options;
using Stateless;
using Stateless.Graph;

namespace Conversational.Skills.Returns;

/// <summary>
/// 退换货: find the order, pick the item, pick the reason, return or exchange (a wrong size only), the new size, a
/// summary to confirm, then the return ticket. Every refusal the policy gives is explained and the customer picks
/// again (another order, item, reason or size) or stops; a question about the policy in the middle is answered and the
/// step asked again. The steps are a private Stateless machine rebuilt every turn from the snapshot (ReturnDialog.mmd);
/// what it offers and decides comes from the stores, read fresh each turn.
/// </summary>
public sealed partial class ReturnDialog(OrderStore orders, RmaStore rmas, StockStore stock, ReturnPolicyCheck check,
    IOptions<ReturnPolicy> policy) : ISkillDialog
{
    private const int OrdersRead = 20;
    private const int OrdersOffered = 5;

    internal enum Step
    {
        Start,
        ChoosingOrder,
        ChoosingItem,
        ChoosingReason,
        ChoosingKind,
        ChoosingSize,
        Confirming,
        Submitted,
        Ended,
    }

    private enum Trigger
    {
        Begin,
        OrderPicked,
        ItemPicked,
        ReasonPicked,
        KindPicked,
        SizePicked,
        Confirmed,
        Refused,
        Declined,
    }

    public string Skill => Intents.ReturnExchange;

    public IReadOnlyCollection<string> StartIntents => [Intents.ReturnExchange];

    public async Task<DialogOutcome> BeginAsync(SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var c = await LoadAsync(turn, Step.Start, new ReturnSlots { Language = turn.Language }, cancellationToken);
        if (ReturnQuestions.Find(turn.Text) is { } question)
        {
            c.Reply(c.Text.Answer(question, policy.Value, reason: null));
        }

        if (turn.Find<OrderNumber>() is { } number)
        {
            if (await FindOwnOrderAsync(c, number.Number, cancellationToken) is { } order)
            {
                await PickOrderAsync(c, order, cancellationToken);
                return Outcome(c);
            }

            c.Reply(c.Text.OrderNotFound(number.Number));
        }

        if (!HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders))
        {
            c.Reply(c.Text.NothingToReturn);
        }

        c.Fire(Trigger.Begin);
        return Outcome(c);
    }

    public async Task<DialogOutcome> ContinueAsync(DialogSnapshot snapshot, SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (step, slots) = DialogSlots.Read<Step, ReturnSlots>(snapshot, Skill);
        var c = await LoadAsync(turn, step, slots, cancellationToken);
        if (ReturnQuestions.Find(turn.Text) is { } question && slots.Question is { } asked)
        {
            return new DialogOutcome { Replies = [new SkillReply(c.Text.Answer(question, policy.Value, slots.Reason)), asked], Next = snapshot };
        }

        var understood = step switch
        {
            Step.ChoosingOrder => await OnOrderAsync(c, cancellationToken),
            Step.ChoosingItem => OnItem(c),
            Step.ChoosingReason => OnReason(c),
            Step.ChoosingKind => OnKind(c),
            Step.ChoosingSize => OnSize(c),
            Step.Confirming => await OnConfirmAsync(c, cancellationToken),
            _ => false,
        };
        if (!understood && step is not (Step.Start or Step.Submitted or Step.Ended) && DialogAnswers.IsNo(turn.Text))
        {
            c.Reply(c.Text.Declined);
            c.Fire(Trigger.Declined);
            understood = true;
        }

        return understood ? Outcome(c) : new DialogOutcome { Understood = false };
    }

    public SkillReply? Prompt(DialogSnapshot snapshot, string language) =>
        DialogSlots.Read<Step, ReturnSlots>(snapshot, Skill).Slots.Question;

    public string ToMermaid() => MermaidGraph.Format(Machine(Case.ForDiagram()).GetInfo());

    private DialogOutcome Outcome(Case c) => new()
    {
        Replies = c.Replies,
        Facts = c.Facts,
        Next = c.Step is Step.Submitted or Step.Ended ? null : DialogSlots.Snapshot(Skill, c.Step, c.Slots),
    };

    /// <summary>The steps. Guards are pure functions of what the customer picked and what the stores said this turn.</summary>
    private StateMachine<Step, Trigger> Machine(Case c)
    {
        var machine = new StateMachine<Step, Trigger>(() => c.Step, step => c.Step = step);

        machine.Configure(Step.Start)
            .PermitIf(Trigger.Begin, Step.ChoosingOrder, () => HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders), "orders to offer")
            .PermitIf(Trigger.Begin, Step.Ended, () => !HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders), "none")
            .PermitIf(Trigger.OrderPicked, Step.ChoosingItem, () => HasSeveralItems(c.Order), "several items")
            .PermitIf(Trigger.OrderPicked, Step.ChoosingReason, () => !HasSeveralItems(c.Order), "one item")
            .PermitIf(Trigger.Refused, Step.ChoosingOrder, () => HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders), "other orders")
            .PermitIf(Trigger.Refused, Step.Ended, () => !HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders), "no other order");

        machine.Configure(Step.ChoosingOrder)
            .OnEntry(() => AskOrder(c), "list orders")
            .PermitIf(Trigger.OrderPicked, Step.ChoosingItem, () => HasSeveralItems(c.Order), "several items")
            .PermitIf(Trigger.OrderPicked, Step.ChoosingReason, () => !HasSeveralItems(c.Order), "one item")
            .PermitReentryIf(Trigger.Refused, () => HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders), "other orders")
            .PermitIf(Trigger.Refused, Step.Ended, () => !HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders), "no other order")
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.ChoosingItem)
            .OnEntry(() => AskItem(c), "list items")
            .Permit(Trigger.ItemPicked, Step.ChoosingReason)
            .PermitReentry(Trigger.Refused)
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.ChoosingReason)
            .OnEntry(() => AskReason(c), "offer open reasons")
            .PermitIf(Trigger.ReasonPicked, Step.ChoosingKind, () => IsExchangeable(c.Slots.Reason), "wrong size")
            .PermitIf(Trigger.ReasonPicked, Step.Confirming, () => !IsExchangeable(c.Slots.Reason), "refund only")
            .PermitReentry(Trigger.Refused)
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.ChoosingKind)
            .OnEntry(() => AskKind(c), "offer refund or exchange")
            .PermitIf(Trigger.KindPicked, Step.ChoosingSize, () => IsExchange(c.Slots.Kind), "exchange")
            .PermitIf(Trigger.KindPicked, Step.Confirming, () => !IsExchange(c.Slots.Kind), "refund")
            .PermitReentry(Trigger.Refused)
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.ChoosingSize)
            .OnEntry(() => AskSize(c), "offer sizes in stock")
            .Permit(Trigger.SizePicked, Step.Confirming)
            .Permit(Trigger.KindPicked, Step.Confirming)
            .PermitReentry(Trigger.Refused)
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.Confirming)
            .OnEntry(() => AskConfirm(c), "summarize")
            .Permit(Trigger.Confirmed, Step.Submitted)
            .PermitIf(Trigger.Refused, Step.ChoosingOrder, () => BackTo(c.Refusal) == Step.ChoosingOrder, "order or item taken")
            .PermitIf(Trigger.Refused, Step.ChoosingReason, () => BackTo(c.Refusal) == Step.ChoosingReason, "window closed")
            .PermitIf(Trigger.Refused, Step.ChoosingSize, () => BackTo(c.Refusal) == Step.ChoosingSize, "size sold out")
            .Permit(Trigger.Declined, Step.Ended);

        machine.Configure(Step.Submitted)
            .OnEntry(() => ReportSubmitted(c), "say what to do next");

        return machine;
    }

    private static bool HasOrdersToOffer(IReadOnlyList<Order> orders, IReadOnlyList<string> ruledOut) =>
        OrdersToOffer(orders, ruledOut).Count > 0;

    /// <summary>Delivered orders and those on their way (so the customer hears when they can return them), newest first.</summary>
    private static IReadOnlyList<Order> OrdersToOffer(IReadOnlyList<Order> orders, IReadOnlyList<string> ruledOut) =>
        [.. orders.Where(order => order.Status is OrderStatus.Delivered or OrderStatus.Shipped && !ruledOut.Contains(order.OrderId))
            .Take(OrdersOffered)];

    private static bool HasSeveralItems(Order? order) => order?.Items.Count > 1;

    private static bool IsExchangeable(ReturnReason? reason) => reason == ReturnReason.WrongSize;

    private static bool IsExchange(ReturnKind? kind) => kind == ReturnKind.Exchange;

    /// <summary>Where a refusal found at confirmation sends the customer: to the choice that can fix it.</summary>
    private static Step BackTo(ReturnRefusal? refusal) => refusal switch
    {
        ReturnRefusal.WindowClosed or ReturnRefusal.NotExchangeable => Step.ChoosingReason,
        ReturnRefusal.SizeOutOfStock or ReturnRefusal.SameSize => Step.ChoosingSize,
        _ => Step.ChoosingOrder,
    };
}
