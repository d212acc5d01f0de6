using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Returns;

/// <summary>
/// A return ticket was created. It is both the fact the conversation keeps (the agent and quality inspection see what
/// the customer asked for) and the domain event the outbound notifier reads, added in the transaction that created it.
/// </summary>
/// <param name="RefundAmount">What the customer gets back once refunded; zero for an exchange.</param>
public sealed record ReturnRequested(
    string RmaId,
    string OrderId,
    string CustomerId,
    IReadOnlyList<RmaItem> Items,
    ReturnReason Reason,
    ReturnKind Kind,
    decimal RefundAmount,
    DateTimeOffset At) : SkillFact
{
    public static ReturnRequested For(Rma rma)
    {
        ArgumentNullException.ThrowIfNull(rma);
        return new ReturnRequested(rma.RmaId, rma.OrderId, rma.CustomerId, rma.Items, rma.Reason, rma.Kind, rma.RefundAmount, rma.Timeline[0].At);
    }
}
