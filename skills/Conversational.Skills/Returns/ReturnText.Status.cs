namespace Conversational.Skills.Returns;

// Where a return stands: what ReturnStatusDialog says.
internal sealed partial class ReturnText
{
    public string NoTickets => English
        ? "You have no return or exchange requests. Would you like to start one?"
        : "您目前没有退换货申请。需要为您申请退换货吗？";

    public string NoTicketFor(string number) => English
        ? $"I can't find a return request for {number}."
        : $"没有找到与{number}相关的退换货申请。";

    public string ChooseTicket(IReadOnlyList<string> lines) => Numbered(
        English ? "You have several return requests. Which one?" : "您有多个退换货申请，想查看哪一个？", lines);

    /// <summary>A quick reply for a ticket: its number, the first item and where it stands.</summary>
    public string TicketOption(Rma rma, Order? order) =>
        $"{rma.RmaId} {(TicketItem(rma, order) is { } item ? ItemName(item) + " " : "")}· {Status(rma.Status)}";

    /// <summary>The ticket's timeline, oldest first, in the shop's time zone, and what happens next.</summary>
    public string Timeline(Rma rma, Order? order, ReturnPolicy policy)
    {
        var item = TicketItem(rma, order);
        var what = item is null ? "" : rma.Items[0].ExchangeSize is { } size
            ? English ? $": {Item(item)}, exchanged for {Size(size)}" : $"：{Item(item)}，换{Size(size)}"
            : English ? $": {Item(item)}, refund {Money(rma.RefundAmount)}" : $"：{Item(item)}，退款{Money(rma.RefundAmount)}";
        var header = English ? $"Return request {rma.RmaId} (order {rma.OrderId}){what}" : $"退换货单{rma.RmaId}（订单{rma.OrderId}）{what}";
        var entries = rma.Timeline.Select(entry =>
            $"· {Time(entry.At.ToOffset(policy.UtcOffset))} {Status(entry.Status)}{(entry.Note is { } note ? (English ? ": " : "：") + note : "")}");
        return string.Join("\n", [header, .. entries, NextStep(rma, policy)]);
    }

    private string NextStep(Rma rma, ReturnPolicy policy) => rma.Status switch
    {
        RmaStatus.Requested => English ? "Now: we are reviewing it and will let you know." : "当前：正在审核，审核通过后会通知您。",
        RmaStatus.Approved => English
            ? $"Now: please send the item to {policy.ReturnAddress}, with {rma.RmaId} in the parcel."
            : $"当前：请把商品寄到{policy.ReturnAddress}，包裹内附上单号{rma.RmaId}。",
        RmaStatus.CustomerShipped => English ? "Now: on its way to our warehouse, which checks it on arrival." : "当前：正在寄回仓库，仓库签收后会验货。",
        RmaStatus.WarehouseReceived when rma.Kind == ReturnKind.Refund => English
            ? $"Now: being checked; once it passes, {Money(rma.RefundAmount)} goes back within {policy.RefundWorkingDays} working days."
            : $"当前：仓库验货中，通过后{Money(rma.RefundAmount)}将在{policy.RefundWorkingDays}个工作日内原路退回。",
        RmaStatus.WarehouseReceived => English ? "Now: being checked; once it passes, we send the new size." : "当前：仓库验货中，通过后会寄出新尺码。",
        RmaStatus.Refunded => English ? "Now: refunded, back the way you paid." : "当前：退款已原路退回。",
        RmaStatus.ReplacementShipped => English ? "Now: the new size is on its way to you." : "当前：新尺码已寄出，请留意查收。",
        RmaStatus.Closed => English ? "This return is complete." : "这次退换货已完成。",
        _ => English ? "It was not approved, for the reason above. Type \"agent\" if you have questions." : "申请未通过，原因见上。如有疑问可以说“转人工”。",
    };

    private static OrderItem? TicketItem(Rma rma, Order? order) =>
        order?.Items.FirstOrDefault(line => line.LineNo == rma.Items[0].LineNo);
}
