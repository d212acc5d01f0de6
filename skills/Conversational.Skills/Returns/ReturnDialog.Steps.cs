using System.Globalization;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Returns;

public sealed partial class ReturnDialog
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private async Task<Case> LoadAsync(SkillTurn turn, Step step, ReturnSlots slots, CancellationToken cancellationToken)
    {
        var recent = await orders.ListByCustomerAsync(turn.CustomerId, OrdersRead, cancellationToken);
        var tickets = await rmas.ListByCustomerAsync(turn.CustomerId, cancellationToken);
        var c = new Case(turn, step, slots, recent, tickets);
        c.Machine = Machine(c);
        if (slots.OrderId is { } orderId && await FindOwnOrderAsync(c, orderId, cancellationToken) is { } order)
        {
            await UseOrderAsync(c, order, cancellationToken);
        }

        return c;
    }

    /// <summary>The customer's order with this number; another customer's order is as good as missing.</summary>
    private async Task<Order?> FindOwnOrderAsync(Case c, string orderId, CancellationToken cancellationToken) =>
        c.Orders.FirstOrDefault(order => order.OrderId == orderId)
        ?? (await orders.FindAsync(orderId, cancellationToken) is { } order && order.CustomerId == c.Turn.CustomerId ? order : null);

    private async Task UseOrderAsync(Case c, Order order, CancellationToken cancellationToken)
    {
        c.Order = order;
        c.Stock = await stock.ForSkusAsync(order.Items.Select(item => item.Sku), cancellationToken);
    }

    // Each step's answer. False: the message was no answer to the step.

    private async Task<bool> OnOrderAsync(Case c, CancellationToken cancellationToken)
    {
        var orderId = c.Turn.Find<OrderNumber>()?.Number ?? c.PickedOption();
        if (orderId is null)
        {
            return false;
        }

        if (await FindOwnOrderAsync(c, orderId, cancellationToken) is not { } order)
        {
            c.Reply(c.Text.OrderNotFound(orderId));
            c.AskAgain();
            return true;
        }

        await PickOrderAsync(c, order, cancellationToken);
        return true;
    }

    private async Task PickOrderAsync(Case c, Order order, CancellationToken cancellationToken)
    {
        await UseOrderAsync(c, order, cancellationToken);
        c.Slots = c.Slots with { OrderId = order.OrderId, LineNo = null, Reason = null, Kind = null, ExchangeSize = null };
        if (OrderRefusal(c, order) is { } refusal)
        {
            c.Reply(refusal);
            c.Order = null;
            c.Slots = c.Slots with { OrderId = null, RuledOutOrders = [.. c.Slots.RuledOutOrders, order.OrderId] };
            if (!HasOrdersToOffer(c.Orders, c.Slots.RuledOutOrders))
            {
                c.Reply(c.Text.NoOtherOrder);
            }

            c.Fire(Trigger.Refused);
            return;
        }

        if (order.Items.Count == 1)
        {
            c.Slots = c.Slots with { LineNo = order.Items[0].LineNo };
        }

        c.Fire(Trigger.OrderPicked);
    }

    private bool OnItem(Case c)
    {
        if (c.PickedOption() is not { } line || c.Order?.Items.FirstOrDefault(item => item.LineNo.ToString(Invariant) == line) is not { } item)
        {
            return false;
        }

        if (ItemRefusal(c, item) is { } refusal)
        {
            c.Reply(refusal);
            c.Fire(Trigger.Refused);
            return true;
        }

        c.Slots = c.Slots with { LineNo = item.LineNo };
        c.Fire(Trigger.ItemPicked);
        return true;
    }

    private bool OnReason(Case c)
    {
        var reason = c.PickedOption() is { } picked ? Enum.Parse<ReturnReason>(picked) : ReturnAnswers.Reason(c.Turn.Text);
        if (reason is not { } chosen || c.Item is not { } item)
        {
            return false;
        }

        var decision = Evaluate(c, item, chosen, ReturnKind.Refund);
        if (chosen == ReturnReason.WrongSize && decision is ReturnRefused)
        {
            decision = Evaluate(c, item, chosen, ReturnKind.Exchange);
        }

        if (decision is ReturnRefused refused)
        {
            // A closed window is already said at the top of the question asked again.
            if (refused.Reason != ReturnRefusal.WindowClosed)
            {
                c.Reply(RefusalText(c, item, chosen, ReturnKind.Refund, refused));
            }

            c.Fire(Trigger.Refused);
            return true;
        }

        c.Slots = c.Slots with { Reason = chosen, Kind = IsExchangeable(chosen) ? null : ReturnKind.Refund };
        c.Fire(Trigger.ReasonPicked);
        return true;
    }

    private bool OnKind(Case c)
    {
        var kind = c.PickedOption() is { } picked ? Enum.Parse<ReturnKind>(picked) : ReturnAnswers.Kind(c.Turn.Text);
        if (kind is not { } chosen || c.Item is not { } item)
        {
            return false;
        }

        if (Evaluate(c, item, ReturnReason.WrongSize, chosen) is ReturnRefused refused)
        {
            c.Reply(RefusalText(c, item, ReturnReason.WrongSize, chosen, refused));
            c.Fire(Trigger.Refused);
        }
        else if (chosen == ReturnKind.Exchange && SizesToOffer(c, item).Count == 0)
        {
            c.Reply(c.Text.NoSizeToExchange(item));
            c.Fire(Trigger.Refused);
        }
        else
        {
            c.Slots = c.Slots with { Kind = chosen };
            c.Fire(Trigger.KindPicked);
        }

        return true;
    }

    private bool OnSize(Case c)
    {
        if (c.Item is not { } item)
        {
            return false;
        }

        if (ReturnAnswers.Kind(c.Turn.Text) == ReturnKind.Refund)
        {
            // "改为退货": the size they wanted is not there, so they take the money instead.
            if (Evaluate(c, item, ReturnReason.WrongSize, ReturnKind.Refund) is ReturnRefused refused)
            {
                c.Reply(RefusalText(c, item, ReturnReason.WrongSize, ReturnKind.Refund, refused));
                c.Fire(Trigger.Refused);
                return true;
            }

            c.Slots = c.Slots with { Kind = ReturnKind.Refund, ExchangeSize = null };
            c.Fire(Trigger.KindPicked);
            return true;
        }

        var size = c.PickedOption() ?? c.Turn.Find<ProductSize>()?.Label ?? SizeNamed(c, item);
        if (size is null)
        {
            return false;
        }

        if (Evaluate(c, item, ReturnReason.WrongSize, ReturnKind.Exchange, size) is ReturnRefused sizeRefused)
        {
            c.Reply(RefusalText(c, item, ReturnReason.WrongSize, ReturnKind.Exchange, sizeRefused, size));
            c.Fire(Trigger.Refused);
            return true;
        }

        c.Slots = c.Slots with { ExchangeSize = size };
        c.Fire(Trigger.SizePicked);
        return true;
    }

    private async Task<bool> OnConfirmAsync(Case c, CancellationToken cancellationToken)
    {
        if (DialogAnswers.IsNo(c.Turn.Text) || !DialogAnswers.IsYes(c.Turn.Text))
        {
            return false;
        }

        // A retried turn finds the ticket it created the first time, which the checks below would now call a duplicate.
        if (await rmas.FindByIdempotencyKeyAsync(c.Turn.TurnId, cancellationToken) is not { } rma)
        {
            var (order, item, reason, kind) = (c.Order!, c.Item!, c.Slots.Reason!.Value, c.Slots.Kind!.Value);
            if (Evaluate(c, item, reason, kind, c.Slots.ExchangeSize) is ReturnRefused refused)
            {
                c.Reply(RefusalText(c, item, reason, kind, refused, c.Slots.ExchangeSize));
                c.Refusal = refused.Reason;
                c.Fire(Trigger.Refused);
                return true;
            }

            var refund = kind == ReturnKind.Refund ? item.PaidPrice * item.Quantity : 0m;
            var draft = new RmaDraft(order.OrderId, c.Turn.CustomerId, [new RmaItem(item.LineNo, item.Sku, item.Quantity, c.Slots.ExchangeSize)],
                reason, kind, refund);
            if (await rmas.CreateAsync(draft, c.Turn.TurnId, c.Turn.Now, cancellationToken) is not { } created)
            {
                // Someone else took the last of the size between the summary and the confirmation.
                await UseOrderAsync(c, order, cancellationToken);
                c.Reply(c.Text.SizeOutOfStock(c.Slots.ExchangeSize!));
                c.Refusal = ReturnRefusal.SizeOutOfStock;
                c.Fire(Trigger.Refused);
                return true;
            }

            rma = created;
        }

        c.Rma = rma;
        c.Facts.Add(ReturnRequested.For(rma));
        c.Fire(Trigger.Confirmed);
        return true;
    }

    // What each step asks on entry.

    private void AskOrder(Case c)
    {
        var offered = OrdersToOffer(c.Orders, c.Slots.RuledOutOrders);
        var offset = policy.Value.UtcOffset;
        c.Ask(new SkillReply(c.Text.ChooseOrder([.. offered.Select(order => c.Text.OrderLine(order, offset))]),
            [.. offered.Select(c.Text.OrderOption)]), [.. offered.Select(order => order.OrderId)]);
    }

    private void AskItem(Case c)
    {
        var order = c.Order!;
        var lines = order.Items.Select(item => ReturnedBy(c, item) is { } rma
            ? c.Text.English ? $"{c.Text.Item(item)} (request {rma.RmaId})" : $"{c.Text.Item(item)}（已申请{rma.RmaId}）"
            : c.Text.Item(item));
        c.Ask(new SkillReply(c.Text.ChooseItem(order.OrderId, [.. lines]), [.. order.Items.Select(c.Text.Item)]),
            [.. order.Items.Select(item => item.LineNo.ToString(Invariant))]);
    }

    private void AskReason(Case c)
    {
        var item = c.Item!;
        var open = Enum.GetValues<ReturnReason>().Where(reason => IsOpen(c, item, reason)).ToList();
        // A window that has closed is said up front, with its last day, instead of being offered and refused.
        var closed = Enum.GetValues<ReturnReason>().Except(open)
            .Select(reason => Evaluate(c, item, reason, ReturnKind.Refund) is ReturnRefused { Reason: ReturnRefusal.WindowClosed } refused
                ? RefusalText(c, item, reason, ReturnKind.Refund, refused)
                : null)
            .OfType<string>().Distinct();
        c.Ask(new SkillReply(string.Join("\n", [.. closed, c.Text.ChooseReason(item)]), [.. open.Select(c.Text.Reason)]),
            [.. open.Select(reason => reason.ToString())]);
    }

    private static void AskKind(Case c)
    {
        ReturnKind[] kinds = [ReturnKind.Refund, ReturnKind.Exchange];
        c.Ask(new SkillReply(c.Text.ChooseKind, [.. kinds.Select(c.Text.Kind)]), [.. kinds.Select(kind => kind.ToString())]);
    }

    private static void AskSize(Case c)
    {
        var item = c.Item!;
        var sizes = SizesToOffer(c, item);
        c.Ask(new SkillReply(c.Text.ChooseSize(item, sizes), [.. sizes.Select(c.Text.SizeOption), c.Text.ReturnInstead]), sizes);
    }

    private void AskConfirm(Case c)
    {
        var (order, item, reason, kind) = (c.Order!, c.Item!, c.Slots.Reason!.Value, c.Slots.Kind!.Value);
        var allowed = (ReturnAllowed)Evaluate(c, item, reason, kind, c.Slots.ExchangeSize);
        c.Ask(new SkillReply(c.Text.Summary(order, item, reason, allowed, c.Slots.ExchangeSize), [c.Text.Confirm, c.Text.Cancel]), []);
    }

    private void ReportSubmitted(Case c) =>
        c.Reply(c.Text.Submitted(c.Rma!, policy.Value, ReturnPolicy.IsReturnShippingFree(c.Rma!.Reason), c.Rma.Items[0].ExchangeSize));
}
