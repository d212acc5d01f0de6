using Conversational.Skills.Returns;

namespace Conversational.Host.Webhooks;

/// <summary>
/// A return ticket's new status, as the warehouse or the carrier reports it. The ticket id is in the body, not the
/// path, because only the body is signed.
/// </summary>
/// <param name="Status">
/// An <see cref="RmaStatus"/> name, exactly: Approved, Rejected, CustomerShipped, WarehouseReceived, Refunded,
/// ReplacementShipped, Closed.
/// </param>
/// <param name="At">When it happened (ISO 8601 with offset); the time of receipt when absent.</param>
/// <param name="Note">For the customer's timeline: a tracking number, or why the ticket was rejected (required then).</param>
public sealed record RmaStatusNotice(string? RmaId, string? Status, DateTimeOffset? At, string? Note);

/// <summary>The change made, or (<paramref name="Replayed"/>) the one this delivery made before, with nothing changed now.</summary>
public sealed record RmaStatusAccepted(string RmaId, RmaStatus From, RmaStatus To, DateTimeOffset At, bool Replayed);
