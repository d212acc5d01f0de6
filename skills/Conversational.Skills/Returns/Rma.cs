namespace Conversational.Skills.Returns;

/// <summary>
/// A return ticket (RMA) for one or more lines of one order. Reason and kind hold for the whole ticket; the timeline
/// lists every status the ticket has had, oldest first, and its last entry is <see cref="Status"/>.
/// </summary>
/// <param name="RefundAmount">What the customer gets back when refunded; zero for an exchange.</param>
public sealed record Rma(
    string RmaId,
    string OrderId,
    string CustomerId,
    IReadOnlyList<RmaItem> Items,
    ReturnReason Reason,
    ReturnKind Kind,
    decimal RefundAmount,
    RmaStatus Status,
    IReadOnlyList<RmaTimelineEntry> Timeline);

/// <param name="ExchangeSize">The size sent instead; set for an exchange, null for a refund.</param>
public sealed record RmaItem(int LineNo, string Sku, int Quantity, string? ExchangeSize);

/// <param name="Note">Free text for the customer or the agent, e.g. the carrier and tracking number, or why it was rejected.</param>
public sealed record RmaTimelineEntry(RmaStatus Status, DateTimeOffset At, string? Note);
