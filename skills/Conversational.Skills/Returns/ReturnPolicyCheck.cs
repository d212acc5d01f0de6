using System.ComponentModel.DataAnnotations;

namespace Conversational.Skills.Returns;

/// <summary>
/// Decides whether one order line may be returned or exchanged now. Pure: the caller passes the stock, the lines that
/// already have a return ticket and the time. Refusals are checked in <see cref="ReturnRefusal"/> order and the first
/// one found is given, so a closed window on an exchange for a defect reads as <see cref="ReturnRefusal.NotExchangeable"/>.
/// </summary>
public sealed class ReturnPolicyCheck
{
    private readonly ReturnPolicy _policy;

    /// <exception cref="ValidationException">The policy is invalid.</exception>
    public ReturnPolicyCheck(ReturnPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Validator.ValidateObject(policy, new ValidationContext(policy), validateAllProperties: true);
        _policy = policy;
    }

    /// <param name="item">A line of <paramref name="order"/>; the whole line is returned (all of its quantity).</param>
    /// <param name="exchangeSize">
    /// For an exchange, the size wanted; <see langword="null"/> while the customer has not chosen one, in which case
    /// size and stock are not checked and an allowed exchange has no size yet (ask, then evaluate again before the
    /// ticket is created). Ignored for a refund.
    /// </param>
    /// <param name="stockOf">Units in stock for (SKU, size), e.g. <see cref="StockTable.Available"/>.</param>
    /// <param name="returnedLines">Line numbers of this order that have a return ticket that was not rejected.</param>
    public ReturnDecision Evaluate(
        Order order,
        OrderItem item,
        ReturnReason reason,
        ReturnKind kind,
        string? exchangeSize,
        Func<string, string, int> stockOf,
        IReadOnlySet<int> returnedLines,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(stockOf);
        ArgumentNullException.ThrowIfNull(returnedLines);
        if (!order.Items.Contains(item))
        {
            throw new ArgumentException($"Line {item.LineNo} is not on order {order.OrderId}.", nameof(item));
        }

        if (order.Status == OrderStatus.Cancelled)
        {
            return new ReturnRefused(ReturnRefusal.Cancelled);
        }

        if (returnedLines.Contains(item.LineNo))
        {
            return new ReturnRefused(ReturnRefusal.AlreadyReturned);
        }

        if (order.Status != OrderStatus.Delivered)
        {
            return new ReturnRefused(ReturnRefusal.NotDelivered);
        }

        var deliveredAt = order.DeliveredAt
            ?? throw new ArgumentException($"Order {order.OrderId} is delivered but has no delivery time.", nameof(order));

        if (kind == ReturnKind.Exchange && reason != ReturnReason.WrongSize)
        {
            return new ReturnRefused(ReturnRefusal.NotExchangeable);
        }

        var deadline = _policy.Deadline(deliveredAt, _policy.WindowDays(reason, kind));
        if (now >= deadline)
        {
            return new ReturnRefused(ReturnRefusal.WindowClosed, deadline);
        }

        var free = ReturnPolicy.IsReturnShippingFree(reason);
        if (kind == ReturnKind.Refund)
        {
            return new ReturnAllowed(kind, item.Quantity, deadline, free, item.PaidPrice * item.Quantity, ExchangeSize: null);
        }

        if (exchangeSize is not null && exchangeSize == item.Size)
        {
            return new ReturnRefused(ReturnRefusal.SameSize);
        }

        if (exchangeSize is not null && stockOf(item.Sku, exchangeSize) < item.Quantity)
        {
            return new ReturnRefused(ReturnRefusal.SizeOutOfStock);
        }

        return new ReturnAllowed(kind, item.Quantity, deadline, free, RefundAmount: 0m, exchangeSize);
    }

    /// <summary>The lines of an order that already have a return ticket; a rejected ticket frees its lines again.</summary>
    public static IReadOnlySet<int> ReturnedLines(string orderId, IEnumerable<Rma> rmas)
    {
        ArgumentNullException.ThrowIfNull(rmas);
        return rmas
            .Where(rma => rma.OrderId == orderId && rma.Status != RmaStatus.Rejected)
            .SelectMany(rma => rma.Items)
            .Select(item => item.LineNo)
            .ToHashSet();
    }
}
