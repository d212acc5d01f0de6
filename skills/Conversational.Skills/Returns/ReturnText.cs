using System.Globalization;

namespace Conversational.Skills.Returns;

/// <summary>What the returns dialogs say, in Chinese or English; every customer-facing sentence of the skill is here.</summary>
internal sealed partial class ReturnText(bool english)
{
    public static ReturnText For(string language) => new(language.StartsWith("en", StringComparison.OrdinalIgnoreCase));

    public bool English => english;

    // Figures and names.

    public static string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public string Day(DateOnly day) => english
        ? day.ToString("MMM d", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    public string Time(DateTimeOffset at) => english
        ? at.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{at.Month}月{at.Day}日 {at:HH:mm}");

    public string Size(string size) => english ? $"size {size}" : $"{size}码";

    public string SizeOption(string size) => english ? $"Size {size}" : $"{size}码";

    public string ItemName(OrderItem item) => english ? item.NameEn : item.Name;

    /// <summary>跑鞋 Air 轻跑（42码）×1</summary>
    public string Item(OrderItem item) => english
        ? string.Create(CultureInfo.InvariantCulture, $"{item.NameEn} ({Size(item.Size)}) ×{item.Quantity}")
        : string.Create(CultureInfo.InvariantCulture, $"{item.Name}（{Size(item.Size)}）×{item.Quantity}");

    /// <summary>A quick reply for an order: its number and what is in it.</summary>
    public string OrderOption(Order order) => order.Items.Count == 1
        ? $"{order.OrderId} {ItemName(order.Items[0])}"
        : english
            ? string.Create(CultureInfo.InvariantCulture, $"{order.OrderId} {order.Items[0].NameEn} +{order.Items.Count - 1} more")
            : string.Create(CultureInfo.InvariantCulture, $"{order.OrderId} {order.Items[0].Name}等{order.Items.Count}件");

    /// <summary>A line of the order list: the option and where the order stands.</summary>
    public string OrderLine(Order order, TimeSpan offset) =>
        english ? $"{OrderOption(order)} ({OrderState(order, offset)})" : $"{OrderOption(order)}（{OrderState(order, offset)}）";

    public string OrderState(Order order, TimeSpan offset) => order.Status switch
    {
        OrderStatus.Delivered when order.DeliveredAt is { } at =>
            english ? $"delivered {Day(DateOnly.FromDateTime(at.ToOffset(offset).DateTime))}" : $"{Day(DateOnly.FromDateTime(at.ToOffset(offset).DateTime))}签收",
        OrderStatus.Shipped => english ? "on its way" : "运输中",
        OrderStatus.Paid => english ? "not shipped yet" : "未发货",
        _ => english ? "cancelled" : "已取消",
    };

    public string Reason(ReturnReason reason) => reason switch
    {
        ReturnReason.NoReason => english ? "No reason (7 days)" : "七天无理由",
        ReturnReason.WrongSize => english ? "Wrong size" : "尺码不合适",
        ReturnReason.Quality => english ? "Quality problem" : "质量问题",
        _ => english ? "Wrong item sent" : "发错货",
    };

    public string Kind(ReturnKind kind) => kind == ReturnKind.Refund
        ? english ? "Return for a refund" : "退货退款"
        : english ? "Exchange for another size" : "换尺码";

    public string Status(RmaStatus status) => status switch
    {
        RmaStatus.Requested => english ? "Request submitted" : "已提交申请",
        RmaStatus.Approved => english ? "Approved" : "审核通过",
        RmaStatus.CustomerShipped => english ? "Sent back by you" : "您已寄回",
        RmaStatus.WarehouseReceived => english ? "Received at the warehouse" : "仓库已签收",
        RmaStatus.Refunded => english ? "Refunded" : "已退款",
        RmaStatus.ReplacementShipped => english ? "New size shipped" : "新尺码已寄出",
        RmaStatus.Closed => english ? "Completed" : "已完成",
        _ => english ? "Not approved" : "未通过",
    };

    // Options that are not picks.

    public string ReturnInstead => english ? "Return instead" : "改为退货";

    public string Confirm => english ? "Confirm" : "确认提交";

    public string Cancel => english ? "Cancel" : "取消";

    public string StartReturn => english ? "Start a return" : "申请退换货";

    // Questions.

    public string ChooseOrder(IReadOnlyList<string> lines) => Numbered(
        english ? "Which order is it about? Reply with its number or the order number:" : "请问是哪个订单？回复序号或订单号：", lines);

    public string ChooseItem(string orderId, IReadOnlyList<string> lines) => Numbered(
        english ? $"Which item of order {orderId}?" : $"订单{orderId}里要退换哪件商品？", lines);

    public string ChooseReason(OrderItem item) => english
        ? $"Why are you sending back {Item(item)}?"
        : $"请问“{Item(item)}”的退换原因是？";

    public string ChooseKind => english
        ? "Would you like your money back, or the same item in another size?"
        : "您想退货退款，还是换一个尺码？";

    public string ChooseSize(OrderItem item, IReadOnlyList<string> sizes) => english
        ? $"You have {Size(item.Size)}. In stock now: {string.Join(", ", sizes.Select(Size))}. Which size would you like?"
        : $"您买的是{Size(item.Size)}，现在有货的尺码：{string.Join("、", sizes.Select(Size))}。请问换成哪个尺码？";

    public string Summary(Order order, OrderItem item, ReturnReason reason, ReturnAllowed allowed, string? exchangeSize)
    {
        var lines = english
            ? new List<string>
            {
                "Please check your request:",
                $"Order: {order.OrderId}",
                $"Item: {Item(item)}",
                $"Reason: {Reason(reason)}",
                exchangeSize is null
                    ? $"Return for a refund of {Money(allowed.RefundAmount)}, paid back the way you paid"
                    : $"Exchange: {Size(item.Size)} for {Size(exchangeSize)}",
                $"Return shipping: {(allowed.FreeReturnShipping ? "paid by us" : "paid by you")}",
                $"Request by: {Day(allowed.LastDay)}",
                "Shall I submit it?",
            }
            : new List<string>
            {
                "请确认您的申请：",
                $"订单：{order.OrderId}",
                $"商品：{Item(item)}",
                $"原因：{Reason(reason)}",
                exchangeSize is null
                    ? $"方式：退货退款，退款{Money(allowed.RefundAmount)}（原路退回）"
                    : $"方式：换货，{Size(item.Size)}换{Size(exchangeSize)}",
                $"寄回运费：{(allowed.FreeReturnShipping ? "由我们承担" : "由您承担")}",
                $"申请截止：{Day(allowed.LastDay)}",
                "确认提交吗？",
            };
        return string.Join("\n", lines);
    }

    // Results.

    public string Submitted(Rma rma, ReturnPolicy policy, bool freeShipping, string? exchangeSize)
    {
        var shipping = english
            ? freeShipping ? "The return shipping is on us (send it freight collect)." : "The return shipping is yours to pay."
            : freeShipping ? "寄回运费由我们承担（可选择到付）。" : "寄回运费由您承担。";
        return english
            ? $"Done: your {(exchangeSize is null ? "return" : "exchange")} request is {rma.RmaId}.\n"
                + $"Next: once we approve it (we'll let you know), send the item back with its tags to {policy.ReturnAddress}, "
                + $"with the request number {rma.RmaId} in the parcel. {shipping}\n"
                + (exchangeSize is null
                    ? $"After the warehouse checks it, {Money(rma.RefundAmount)} goes back within {policy.RefundWorkingDays} working days."
                    : $"After the warehouse checks it, we send you {Size(exchangeSize)}.")
                + " Ask me \"where is my return\" any time to see how it is going."
            : $"已为您提交{(exchangeSize is null ? "退货" : "换货")}申请，退换货单号：{rma.RmaId}。\n"
                + $"接下来：审核通过后我们会通知您，请将商品（吊牌完好）寄到：{policy.ReturnAddress}，包裹内附上单号{rma.RmaId}。{shipping}\n"
                + (exchangeSize is null
                    ? $"仓库验货通过后，{Money(rma.RefundAmount)}将在{policy.RefundWorkingDays}个工作日内原路退回。"
                    : $"仓库验货通过后，我们会把{Size(exchangeSize)}寄给您。")
                + "随时可以问我“我的退货到哪了”查看进度。";
    }

    public string Declined => english ? "OK, nothing was submitted. Just ask if you need a return later." : "好的，本次没有提交申请。如需退换货随时找我。";

    public string NothingToReturn => english
        ? "I can't find an order of yours that can be returned: only orders that are delivered or on their way are listed. "
            + "Type \"agent\" if you need a person."
        : "没有找到您可以退换货的订单（已签收或运输中的订单才会列出）。如需帮助，可以说“转人工”。";

    public string NoOtherOrder => english
        ? "There is no other order I can return for you. Type \"agent\" if you need a person."
        : "没有其他可以退换货的订单了。如需帮助，可以说“转人工”。";

    public string OrderNotFound(string orderId) => english
        ? $"I can't find order {orderId} among your orders."
        : $"没有在您的订单中找到{orderId}。";

    // Policy questions in the middle.

    /// <param name="reason">The reason chosen so far, to answer for this return rather than in general.</param>
    public string Answer(ReturnQuestion question, ReturnPolicy policy, ReturnReason? reason) => question switch
    {
        ReturnQuestion.Shipping when reason is { } chosen => english
            ? $"For \"{Reason(chosen)}\", the return shipping is paid by {(ReturnPolicy.IsReturnShippingFree(chosen) ? "us" : "you")}."
            : $"您选择的原因是“{Reason(chosen)}”，寄回运费由{(ReturnPolicy.IsReturnShippingFree(chosen) ? "我们" : "您")}承担。",
        ReturnQuestion.Shipping => english
            ? "For a quality problem or a wrong item, we pay the return shipping; for a no-reason return or a wrong size, you do."
            : "质量问题和发错货，寄回运费由我们承担；七天无理由和尺码不合适，寄回运费由您承担。",
        ReturnQuestion.RefundTime => english
            ? $"Once the warehouse has received and checked the item, the refund goes back the way you paid within {policy.RefundWorkingDays} working days."
            : $"仓库签收并验货通过后，退款会在{policy.RefundWorkingDays}个工作日内原路退回。",
        ReturnQuestion.Address => english
            ? $"Returns go to: {policy.ReturnAddress}. Please put the request number in the parcel; you get it when the request is submitted."
            : $"退货请寄到：{policy.ReturnAddress}。包裹内请附上退换货单号，提交申请后我会告诉您。",
        _ => english
            ? $"Counting from the day after delivery: no reason or wrong size {policy.NoReasonDays} days, quality problems "
                + $"{policy.QualityDays} days, wrong item {policy.WrongItemDays} days."
            : $"从签收次日算起：七天无理由和尺码不合适{policy.NoReasonDays}天，质量问题{policy.QualityDays}天，发错货{policy.WrongItemDays}天。",
    };

    // Refusals.

    public string NotDelivered(Order order) => order.Status == OrderStatus.Shipped
        ? english
            ? $"Order {order.OrderId} is still on its way ({order.Carrier} {order.TrackingNumber}); you can return it once it is delivered."
            : $"订单{order.OrderId}还在运输中（{order.Carrier} {order.TrackingNumber}），签收后才能申请退换货。"
        : english
            ? $"Order {order.OrderId} has not shipped yet, so there is nothing to return; if you no longer want it, you can cancel the order."
            : $"订单{order.OrderId}还未发货，暂时不能退换货；如果不想要了，可以申请取消订单。";

    public string Cancelled(Order order) => english
        ? $"Order {order.OrderId} was cancelled, so there is nothing to return."
        : $"订单{order.OrderId}已取消，没有需要退换的商品。";

    public string AlreadyReturned(OrderItem item, Rma rma) => english
        ? $"{Item(item)} already has return request {rma.RmaId} ({Status(rma.Status)}), so it can't be requested again."
        : $"“{Item(item)}”已有退换货申请{rma.RmaId}（{Status(rma.Status)}），不能重复申请。";

    public string NothingLeftOnOrder(Order order) => english
        ? $"Every item of order {order.OrderId} already has a return request or is past every return window."
        : $"订单{order.OrderId}的商品都已申请过退换货或已超过退换货期限。";

    /// <summary>"已超过7天无理由退货期限（截至11月20日）": the window for a reason, and its last day.</summary>
    public string WindowClosed(ReturnReason reason, int days, DateOnly lastDay) => english
        ? $"The {days}-day {WindowName(reason)} window has passed (it ended {Day(lastDay)})."
        : $"已超过{days}天{WindowName(reason)}期限（截至{Day(lastDay)}）。";

    public string AllWindowsClosed(OrderItem item, DateOnly lastDay) => english
        ? $"{Item(item)} is past every return window (the last one ended {Day(lastDay)})."
        : $"“{Item(item)}”已超过所有退换货期限（最晚截至{Day(lastDay)}）。";

    public string NoSizeToExchange(OrderItem item) => english
        ? $"No other size of {ItemName(item)} is in stock right now, so it can't be exchanged; I can arrange a return for a refund."
        : $"“{ItemName(item)}”目前没有其他有货的尺码，暂时无法换货，可以为您办理退货退款。";

    public string SizeOutOfStock(string size) => english ? $"Sorry, {Size(size)} is out of stock." : $"抱歉，{Size(size)}暂时缺货。";

    public string SameSize(string size) => english ? $"You already have {Size(size)}; please pick another size." : $"您买的就是{Size(size)}，请选择其他尺码。";

    public string NotExchangeable => english
        ? "Only a wrong size can be exchanged; for this reason I can arrange a return for a refund."
        : "只有尺码不合适可以换货，这个原因可以为您办理退货退款。";

    private string WindowName(ReturnReason reason) => reason switch
    {
        ReturnReason.NoReason or ReturnReason.WrongSize => english ? "no-reason return" : "无理由退货",
        ReturnReason.Quality => english ? "quality return" : "质量问题退货",
        _ => english ? "wrong-item return" : "错发退货",
    };

    private static string Numbered(string question, IReadOnlyList<string> lines) =>
        string.Join("\n", [question, .. lines.Select((line, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {line}"))]);
}
