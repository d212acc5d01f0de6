namespace Conversational.Handoff.Copilot;

/// <summary>
/// An offer on the shelf with the script chosen for it, the pitch filled from the conversation's values, its score and
/// why it is there (<see cref="ShelfReasons"/> codes). <paramref name="Ready"/>: the problem is solved, so now is the moment to pitch.
/// </summary>
public sealed record ShelfOffer(ServiceOffer Offer, OfferScript Script, string Pitch, double Score, bool Ready, IReadOnlyList<ScoreReason> Reasons);

/// <summary>An offer left off the shelf, and the first of its rules it failed (a <see cref="ShelfRules"/> name).</summary>
public sealed record ShelfRefusal(string OfferId, string Rule);

/// <summary>
/// The shelf for one moment: at most a few offers, best first, and every offer refused with its rule. When compliance
/// blocks the whole shelf, <paramref name="BlockedBy"/> names why (a <see cref="ShelfRules"/> block) and nothing is offered.
/// </summary>
public sealed record ShelfResult(IReadOnlyList<ShelfOffer> Offers, IReadOnlyList<ShelfRefusal> Refused, string? BlockedBy);
