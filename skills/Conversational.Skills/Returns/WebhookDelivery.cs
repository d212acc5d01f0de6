namespace Conversational.Skills.Returns;

/// <summary>One authenticated webhook request, as <see cref="RmaStore.ApplyDeliveryAsync"/> records it for replay protection.</summary>
/// <param name="DeliveryId">The sender's id for the delivery; its retries reuse it (<see cref="WebhookSignature.DeliveryHeader"/>).</param>
/// <param name="RequestHash">A hash of the signed body, to tell a retry from a different request that reuses the id.</param>
public sealed record WebhookDelivery(string DeliveryId, string RequestHash, DateTimeOffset ReceivedAt);

/// <summary>A status change for a ticket, as the warehouse or the carrier reports it.</summary>
/// <param name="Note">For the customer or the agent: a tracking number, or why the ticket was rejected (required then).</param>
public sealed record RmaStatusUpdate(string RmaId, RmaStatus To, DateTimeOffset At, string? Note);
