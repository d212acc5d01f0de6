namespace Conversational.Skills.Returns;

/// <summary>A move the lifecycle does not allow from the ticket's current status; nothing was changed (the webhook answers 409).</summary>
public sealed class RmaTransitionException(string rmaId, RmaStatus from, RmaStatus to)
    : InvalidOperationException($"Return {rmaId} cannot move from {from} to {to}.")
{
    public string RmaId { get; } = rmaId;

    public RmaStatus From { get; } = from;

    public RmaStatus To { get; } = to;
}
