using Conversational.Bots.Conversations;
using Conversational.Handoff.Copilot;

namespace Conversational.Bots.Copilot;

/// <summary>An offer the agent may pitch in this chat, and the script a pitch of it is credited to.</summary>
public sealed record OpeningCandidate(ServiceOffer Offer, OfferScript Script, ShelfOffer? OnShelf);

/// <summary>
/// 启齿率 read off the chat itself: which candidate offers the agent's messages pitched (<see cref="PitchDetector"/>) and the
/// customer's answer to the latest pitch (<see cref="OfferResponseClassifier"/>; a message that is neither leaves it
/// unanswered). Pure and replayed from the whole log, so the desk shows a pitch the moment the message lands and recording
/// it again (<see cref="OpeningDetection"/>) yields the same rows.
/// </summary>
public static class OfferOpenings
{
    /// <summary>
    /// The shelf's offers, then the offers already pitched here that the shelf no longer lists (a pitch uses up the chat's
    /// cap), so their answer is still read.
    /// </summary>
    public static IReadOnlyList<OpeningCandidate> Candidates(CopilotCatalog catalog, ShelfResult shelf, IReadOnlyList<OfferPitch> logged)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(shelf);
        ArgumentNullException.ThrowIfNull(logged);
        var candidates = shelf.Offers.Select(o => new OpeningCandidate(o.Offer, o.Script, o)).ToList();
        foreach (var pitch in logged.OrderBy(p => p.PitchedAt).Where(p => candidates.All(c => c.Offer.Id != p.OfferId)))
        {
            if (catalog.Offers.FirstOrDefault(o => o.Id == pitch.OfferId) is { Scripts.Count: > 0 } offer)
            {
                candidates.Add(new OpeningCandidate(offer, offer.Scripts.FirstOrDefault(s => s.Id == pitch.ScriptId) ?? offer.Scripts[0], null));
            }
        }

        return candidates;
    }

    /// <returns>One pitch per offer pitched, in the order pitched, stamped with the pitching message's time.</returns>
    public static IReadOnlyList<OfferPitch> Read(CopilotInputs inputs, IReadOnlyList<OpeningCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(candidates);
        var pitches = new List<OfferPitch>();
        foreach (var stored in inputs.Events)
        {
            switch (stored.Event)
            {
                case AgentReplied { Activity: { Text: { } text, From.Id: var agentId } }:
                    foreach (var candidate in candidates.Where(c => pitches.All(p => p.OfferId != c.Offer.Id) && PitchDetector.IsPitched(c.Offer, text)))
                    {
                        pitches.Add(new OfferPitch(inputs.Conversation.Id, candidate.Offer.Id, inputs.Profile.Id, agentId, candidate.Script.Id,
                            stored.OccurredAt, OfferResponse.NoAnswer));
                    }

                    break;

                case UserMessaged { Activity.Text: { } text } when pitches.Count > 0 && pitches[^1].Response == OfferResponse.NoAnswer:
                    if (OfferResponseClassifier.Classify(text) is not OfferResponse.NoAnswer and var response)
                    {
                        pitches[^1] = pitches[^1] with { Response = response };
                    }

                    break;
            }
        }

        return pitches;
    }
}
