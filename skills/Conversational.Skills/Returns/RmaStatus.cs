using System.Text.Json.Serialization;

namespace Conversational.Skills.Returns;

/// <summary>Where a return ticket is; <see cref="RmaLifecycle"/> owns the moves between them (see RmaLifecycle.mmd).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RmaStatus>))]
public enum RmaStatus
{
    Requested,
    Approved,
    CustomerShipped,
    WarehouseReceived,

    /// <summary>Money sent back; only for <see cref="ReturnKind.Refund"/>.</summary>
    Refunded,

    /// <summary>The new size is on its way; only for <see cref="ReturnKind.Exchange"/>.</summary>
    ReplacementShipped,
    Closed,

    /// <summary>Final. From Requested (the request does not qualify) or WarehouseReceived (inspection failed); the note says why.</summary>
    Rejected,
}
