using Stateless;
using Stateless.Graph;

namespace Conversational.Skills.Returns;

/// <summary>
/// The return ticket's lifecycle, owned by one private Stateless machine rebuilt from the ticket for every question,
/// so the ticket (not the machine) holds the state:
/// Requested → Approved → CustomerShipped → WarehouseReceived → Refunded (refund) | ReplacementShipped (exchange) → Closed.
/// Rejected is final and reachable from Requested (the request does not qualify) and WarehouseReceived (the inspection
/// failed, e.g. worn or tags removed); it needs a note saying why. Once approved, nothing short of the warehouse's
/// inspection rejects a ticket: the customer has been told to ship.
/// </summary>
public static class RmaLifecycle
{
    private enum Trigger
    {
        Approve,
        Reject,
        ShipBack,
        ReceiveAtWarehouse,
        Refund,
        ShipReplacement,
        Close,
    }

    private static readonly Dictionary<RmaStatus, Trigger> TriggerInto = new()
    {
        [RmaStatus.Approved] = Trigger.Approve,
        [RmaStatus.Rejected] = Trigger.Reject,
        [RmaStatus.CustomerShipped] = Trigger.ShipBack,
        [RmaStatus.WarehouseReceived] = Trigger.ReceiveAtWarehouse,
        [RmaStatus.Refunded] = Trigger.Refund,
        [RmaStatus.ReplacementShipped] = Trigger.ShipReplacement,
        [RmaStatus.Closed] = Trigger.Close,
    };

    public static bool CanAdvance(Rma rma, RmaStatus to)
    {
        ArgumentNullException.ThrowIfNull(rma);
        return TriggerInto.TryGetValue(to, out var trigger) && Machine(rma.Status, rma.Kind).CanFire(trigger);
    }

    /// <summary>Moves the ticket to <paramref name="to"/>, appending to its timeline.</summary>
    /// <exception cref="RmaTransitionException">The move is not allowed from the ticket's status; nothing changed.</exception>
    /// <exception cref="ArgumentException">A rejection without a note saying why.</exception>
    public static RmaAdvanced Advance(Rma rma, RmaStatus to, DateTimeOffset at, string? note = null)
    {
        if (!CanAdvance(rma, to))
        {
            throw new RmaTransitionException(rma.RmaId, rma.Status, to);
        }

        if (to == RmaStatus.Rejected && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A rejection needs a note saying why.", nameof(note));
        }

        var machine = Machine(rma.Status, rma.Kind);
        machine.Fire(TriggerInto[to]);

        var advanced = rma with { Status = machine.State, Timeline = [.. rma.Timeline, new RmaTimelineEntry(machine.State, at, note)] };
        return new RmaAdvanced(advanced, new RmaStatusChanged(rma.RmaId, rma.OrderId, rma.CustomerId, rma.Status, machine.State, at, note));
    }

    /// <summary>The lifecycle as a Mermaid state diagram, as committed in RmaLifecycle.mmd.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Machine(RmaStatus.Requested, ReturnKind.Refund).GetInfo());

    private static StateMachine<RmaStatus, Trigger> Machine(RmaStatus status, ReturnKind kind)
    {
        var machine = new StateMachine<RmaStatus, Trigger>(status);

        machine.Configure(RmaStatus.Requested)
            .Permit(Trigger.Approve, RmaStatus.Approved)
            .Permit(Trigger.Reject, RmaStatus.Rejected);

        machine.Configure(RmaStatus.Approved)
            .Permit(Trigger.ShipBack, RmaStatus.CustomerShipped);

        machine.Configure(RmaStatus.CustomerShipped)
            .Permit(Trigger.ReceiveAtWarehouse, RmaStatus.WarehouseReceived);

        machine.Configure(RmaStatus.WarehouseReceived)
            .PermitIf(Trigger.Refund, RmaStatus.Refunded, () => kind == ReturnKind.Refund, "refund")
            .PermitIf(Trigger.ShipReplacement, RmaStatus.ReplacementShipped, () => kind == ReturnKind.Exchange, "exchange")
            .Permit(Trigger.Reject, RmaStatus.Rejected);

        machine.Configure(RmaStatus.Refunded)
            .Permit(Trigger.Close, RmaStatus.Closed);

        machine.Configure(RmaStatus.ReplacementShipped)
            .Permit(Trigger.Close, RmaStatus.Closed);

        return machine;
    }
}
