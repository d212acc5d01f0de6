namespace Conversational.Skills.Returns;

// The policy, applied to what the stores said this turn.
public sealed partial class ReturnDialog
{
    private ReturnDecision Evaluate(Case c, OrderItem item, ReturnReason reason, ReturnKind kind, string? exchangeSize = null) =>
        check.Evaluate(c.Order!, item, reason, kind, exchangeSize, c.Stock.Available,
            ReturnPolicyCheck.ReturnedLines(c.Order!.OrderId, c.Tickets), c.Turn.Now);

    private bool IsOpen(Case c, OrderItem item, ReturnReason reason) =>
        Evaluate(c, item, reason, ReturnKind.Refund) is ReturnAllowed
        || (IsExchangeable(reason) && Evaluate(c, item, reason, ReturnKind.Exchange) is ReturnAllowed);

    /// <summary>Why nothing on the order can be returned, or null when something can.</summary>
    private string? OrderRefusal(Case c, Order order) => order.Status switch
    {
        OrderStatus.Cancelled => c.Text.Cancelled(order),
        not OrderStatus.Delivered => c.Text.NotDelivered(order),
        _ when order.Items.All(item => ItemRefusal(c, item) is not null) =>
            order.Items.Count == 1 ? ItemRefusal(c, order.Items[0]) : c.Text.NothingLeftOnOrder(order),
        _ => null,
    };

    /// <summary>Why this line cannot be returned for any reason, or null when it can.</summary>
    private string? ItemRefusal(Case c, OrderItem item)
    {
        if (ReturnedBy(c, item) is { } rma)
        {
            return c.Text.AlreadyReturned(item, rma);
        }

        if (Enum.GetValues<ReturnReason>().Any(reason => IsOpen(c, item, reason)))
        {
            return null;
        }

        var lastDay = Enum.GetValues<ReturnReason>()
            .Select(reason => Evaluate(c, item, reason, ReturnKind.Refund))
            .OfType<ReturnRefused>().Select(refused => refused.LastDay).Max();
        return lastDay is { } day ? c.Text.AllWindowsClosed(item, day) : c.Text.NothingLeftOnOrder(c.Order!);
    }

    private string RefusalText(Case c, OrderItem item, ReturnReason reason, ReturnKind kind, ReturnRefused refused, string? size = null) =>
        refused.Reason switch
        {
            ReturnRefusal.Cancelled => c.Text.Cancelled(c.Order!),
            ReturnRefusal.NotDelivered => c.Text.NotDelivered(c.Order!),
            ReturnRefusal.AlreadyReturned when ReturnedBy(c, item) is { } rma => c.Text.AlreadyReturned(item, rma),
            ReturnRefusal.WindowClosed when refused.LastDay is { } lastDay =>
                c.Text.WindowClosed(reason, policy.Value.WindowDays(reason, kind), lastDay),
            ReturnRefusal.SameSize => c.Text.SameSize(size ?? item.Size),
            ReturnRefusal.SizeOutOfStock => c.Text.SizeOutOfStock(size ?? item.Size),
            _ => c.Text.NotExchangeable,
        };

    private static Rma? ReturnedBy(Case c, OrderItem item) =>
        c.Tickets.FirstOrDefault(rma => rma.OrderId == c.Order?.OrderId && rma.Status != RmaStatus.Rejected
            && rma.Items.Any(line => line.LineNo == item.LineNo));

    /// <summary>The other sizes with enough units for the whole line, in the catalog's order.</summary>
    private static IReadOnlyList<string> SizesToOffer(Case c, OrderItem item) =>
        [.. c.Stock.SizesInStock(item.Sku, item.Quantity).Where(size => size != item.Size)];

    /// <summary>A size typed bare ("41", "xl"), when the product comes in it.</summary>
    private static string? SizeNamed(Case c, OrderItem item)
    {
        var typed = c.Turn.NormalizedText.Trim().ToUpperInvariant();
        return c.Stock.Sizes(item.Sku).FirstOrDefault(size => size == typed);
    }
}
