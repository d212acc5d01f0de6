namespace Conversational.Skills.Returns;

/// <summary>What a new return ticket asks for, before it has an id and a timeline (<see cref="RmaStore.CreateAsync"/>).</summary>
public sealed record RmaDraft(
    string OrderId,
    string CustomerId,
    IReadOnlyList<RmaItem> Items,
    ReturnReason Reason,
    ReturnKind Kind,
    decimal RefundAmount);
