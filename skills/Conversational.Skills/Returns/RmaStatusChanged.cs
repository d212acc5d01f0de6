namespace Conversational.Skills.Returns;

/// <summary>A return ticket moved: a domain fact the outbound notifier turns into a message for the customer.</summary>
public sealed record RmaStatusChanged(
    string RmaId,
    string OrderId,
    string CustomerId,
    RmaStatus From,
    RmaStatus To,
    DateTimeOffset At,
    string? Note);

/// <summary>The result of <see cref="RmaLifecycle.Advance"/>: the ticket after the move and the fact to publish.</summary>
public sealed record RmaAdvanced(Rma Rma, RmaStatusChanged Changed);
