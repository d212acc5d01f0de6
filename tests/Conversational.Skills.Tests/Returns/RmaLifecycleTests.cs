using Conversational.Skills.Returns;
using Conversational.Testing;

namespace Conversational.Skills.Tests.Returns;

public sealed class RmaLifecycleTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 15, 9, 12, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset At = Opened.AddDays(1);

    // Every move the lifecycle allows, as (from, to, kind); everything else must be refused.
    private static readonly HashSet<(RmaStatus From, RmaStatus To, ReturnKind Kind)> Legal =
    [
        .. Both(RmaStatus.Requested, RmaStatus.Approved),
        .. Both(RmaStatus.Requested, RmaStatus.Rejected),
        .. Both(RmaStatus.Approved, RmaStatus.CustomerShipped),
        .. Both(RmaStatus.CustomerShipped, RmaStatus.WarehouseReceived),
        (RmaStatus.WarehouseReceived, RmaStatus.Refunded, ReturnKind.Refund),
        (RmaStatus.WarehouseReceived, RmaStatus.ReplacementShipped, ReturnKind.Exchange),
        .. Both(RmaStatus.WarehouseReceived, RmaStatus.Rejected),
        (RmaStatus.Refunded, RmaStatus.Closed, ReturnKind.Refund),
        (RmaStatus.ReplacementShipped, RmaStatus.Closed, ReturnKind.Exchange),
    ];

    public static TheoryData<RmaStatus, RmaStatus, ReturnKind> LegalMoves()
    {
        var data = new TheoryData<RmaStatus, RmaStatus, ReturnKind>();
        foreach (var (from, to, kind) in Legal)
        {
            data.Add(from, to, kind);
        }

        return data;
    }

    public static TheoryData<RmaStatus, RmaStatus, ReturnKind> IllegalMoves => new()
    {
        { RmaStatus.Requested, RmaStatus.CustomerShipped, ReturnKind.Refund },
        { RmaStatus.Requested, RmaStatus.Refunded, ReturnKind.Refund },
        { RmaStatus.Requested, RmaStatus.Requested, ReturnKind.Refund },
        { RmaStatus.Approved, RmaStatus.Approved, ReturnKind.Refund },
        { RmaStatus.Approved, RmaStatus.Rejected, ReturnKind.Exchange },
        { RmaStatus.Approved, RmaStatus.WarehouseReceived, ReturnKind.Refund },
        { RmaStatus.CustomerShipped, RmaStatus.Refunded, ReturnKind.Refund },
        { RmaStatus.CustomerShipped, RmaStatus.Approved, ReturnKind.Refund },
        { RmaStatus.WarehouseReceived, RmaStatus.Refunded, ReturnKind.Exchange },
        { RmaStatus.WarehouseReceived, RmaStatus.ReplacementShipped, ReturnKind.Refund },
        { RmaStatus.WarehouseReceived, RmaStatus.Closed, ReturnKind.Refund },
        { RmaStatus.Refunded, RmaStatus.Rejected, ReturnKind.Refund },
        { RmaStatus.Closed, RmaStatus.Requested, ReturnKind.Refund },
        { RmaStatus.Closed, RmaStatus.Closed, ReturnKind.Exchange },
        { RmaStatus.Rejected, RmaStatus.Approved, ReturnKind.Refund },
        { RmaStatus.Rejected, RmaStatus.Closed, ReturnKind.Refund },
    };

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void LegalMove_AdvancesTheTicket_AppendsToItsTimeline_AndReportsTheChange(RmaStatus from, RmaStatus to, ReturnKind kind)
    {
        var rma = Ticket(kind, from);

        var (advanced, changed) = RmaLifecycle.Advance(rma, to, At, "仓库备注");

        Assert.True(RmaLifecycle.CanAdvance(rma, to));
        Assert.Equal(to, advanced.Status);
        Assert.Equal([.. rma.Timeline, new RmaTimelineEntry(to, At, "仓库备注")], advanced.Timeline);
        Assert.Equal(rma with { Status = to, Timeline = advanced.Timeline }, advanced);
        Assert.Equal(new RmaStatusChanged("RMA20261115001", "E20261110021", "c1003", from, to, At, "仓库备注"), changed);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void IllegalMove_ThrowsNamingFromAndTo_AndChangesNothing(RmaStatus from, RmaStatus to, ReturnKind kind)
    {
        var rma = Ticket(kind, from);
        var timeline = rma.Timeline.ToList();

        var error = Assert.Throws<RmaTransitionException>(() => RmaLifecycle.Advance(rma, to, At, "迟到的回调"));

        Assert.False(RmaLifecycle.CanAdvance(rma, to));
        Assert.Equal(("RMA20261115001", from, to), (error.RmaId, error.From, error.To));
        Assert.Contains($"from {from} to {to}", error.Message, StringComparison.Ordinal);
        Assert.Equal(from, rma.Status);
        Assert.Equal(timeline, rma.Timeline);
    }

    [Fact]
    public void CanAdvance_AgreesWithTheLegalMoves_ForEveryPairOfStatusesAndBothKinds()
    {
        foreach (var kind in Enum.GetValues<ReturnKind>())
        {
            // A refund is never ReplacementShipped and an exchange never Refunded; what such a ticket may do is not asked.
            foreach (var from in Enum.GetValues<RmaStatus>().Where(status => !Unreachable(kind, status)))
            {
                foreach (var to in Enum.GetValues<RmaStatus>())
                {
                    Assert.True(Legal.Contains((from, to, kind)) == RmaLifecycle.CanAdvance(Ticket(kind, from), to), $"{kind}: {from} → {to}");
                }
            }
        }
    }

    [Fact]
    public void RefundTicket_WalksFromRequestedToClosed_WithOneTimelineEntryPerStatus()
    {
        RmaStatus[] path =
            [RmaStatus.Approved, RmaStatus.CustomerShipped, RmaStatus.WarehouseReceived, RmaStatus.Refunded, RmaStatus.Closed];

        var rma = path.Aggregate(Ticket(ReturnKind.Refund, RmaStatus.Requested), (ticket, to) => RmaLifecycle.Advance(ticket, to, At).Rma);

        Assert.Equal([RmaStatus.Requested, .. path], rma.Timeline.Select(entry => entry.Status));
    }

    [Fact]
    public void ExchangeTicket_WalksFromRequestedToClosed_ThroughTheReplacement()
    {
        RmaStatus[] path =
            [RmaStatus.Approved, RmaStatus.CustomerShipped, RmaStatus.WarehouseReceived, RmaStatus.ReplacementShipped, RmaStatus.Closed];

        var rma = path.Aggregate(Ticket(ReturnKind.Exchange, RmaStatus.Requested), (ticket, to) => RmaLifecycle.Advance(ticket, to, At).Rma);

        Assert.Equal(RmaStatus.Closed, rma.Status);
        Assert.Equal([RmaStatus.Requested, .. path], rma.Timeline.Select(entry => entry.Status));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Rejection_WithoutANoteSayingWhy_Throws(string? note)
    {
        var rma = Ticket(ReturnKind.Refund, RmaStatus.WarehouseReceived);

        Assert.Throws<ArgumentException>("note", () => RmaLifecycle.Advance(rma, RmaStatus.Rejected, At, note));
    }

    [Fact]
    public void CommittedDiagram_MatchesTheLifecycleInCode()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "skills", "Conversational.Skills", "Returns", "RmaLifecycle.mmd");
        var generated = Normalize(RmaLifecycle.ToMermaid());

        var committed = Normalize(File.ReadAllText(path));

        Assert.True(committed == generated, $"{path} is out of date with RmaLifecycle; replace its content with:\n{generated}");
    }

    [Fact]
    public void Diagram_ShowsEveryStatus()
    {
        var diagram = RmaLifecycle.ToMermaid();

        Assert.All(Enum.GetNames<RmaStatus>(), status => Assert.Contains(status, diagram, StringComparison.Ordinal));
    }

    private static bool Unreachable(ReturnKind kind, RmaStatus status) =>
        (kind, status) is (ReturnKind.Refund, RmaStatus.ReplacementShipped) or (ReturnKind.Exchange, RmaStatus.Refunded);

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static IEnumerable<(RmaStatus, RmaStatus, ReturnKind)> Both(RmaStatus from, RmaStatus to) =>
        [(from, to, ReturnKind.Refund), (from, to, ReturnKind.Exchange)];

    private static Rma Ticket(ReturnKind kind, RmaStatus status) => new(
        "RMA20261115001",
        "E20261110021",
        "c1003",
        [new RmaItem(2, "SH-1006", 1, kind == ReturnKind.Exchange ? "41" : null)],
        ReturnReason.WrongSize,
        kind,
        kind == ReturnKind.Refund ? 269.00m : 0m,
        status,
        status == RmaStatus.Requested
            ? [new RmaTimelineEntry(RmaStatus.Requested, Opened, null)]
            : [new RmaTimelineEntry(RmaStatus.Requested, Opened, null), new RmaTimelineEntry(status, Opened.AddHours(1), null)]);
}
