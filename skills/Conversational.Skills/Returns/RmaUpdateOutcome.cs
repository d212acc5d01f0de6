namespace Conversational.Skills.Returns;

/// <summary>What became of a status update for a return ticket (<see cref="RmaStore.AdvanceAsync"/>, <see cref="RmaStore.ApplyDeliveryAsync"/>).</summary>
public abstract record RmaUpdateOutcome;

/// <summary>The ticket moved, or (<paramref name="Repeated"/>) this delivery had moved it before and nothing changed now.</summary>
public sealed record RmaUpdated(RmaStatusChanged Change, bool Repeated) : RmaUpdateOutcome;

public sealed record RmaNotFound(string RmaId) : RmaUpdateOutcome;

/// <summary>The lifecycle does not allow the move from the ticket's status (out of order, or already there); nothing changed.</summary>
public sealed record RmaMoveRefused(string RmaId, RmaStatus From, RmaStatus To) : RmaUpdateOutcome;

/// <summary>The delivery id was used before for a different request; nothing changed.</summary>
public sealed record RmaDeliveryReused(string DeliveryId) : RmaUpdateOutcome;
