using Conversational.Handoff.Copilot;

namespace Conversational.Bots.Copilot;

/// <summary>The customer's layer and the service-sales shelf (服销货架) for one chat, as the desk shows it and opening detection reads it.</summary>
public sealed record CopilotShelfView(CustomerLayer Layer, ShelfResult Shelf);

/// <summary>
/// Ranks the catalogue's offers for a chat (<see cref="OfferShelf"/>): the customer's activity and layer, the business and
/// language, the compliance signals read off the chat, and how often each offer was pitched (the last 30 days, this chat).
/// </summary>
public sealed class CopilotShelf(CustomerActivityReader activities, OfferLog log, TimeProvider time)
{
    private static readonly TimeSpan CapWindow = TimeSpan.FromDays(30);

    /// <param name="pitchedHere">The offers pitched in this chat, as the opening log has them.</param>
    public async Task<CopilotShelfView> RankAsync(CopilotInputs inputs, IReadOnlyList<OfferPitch> pitchedHere, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(pitchedHere);
        var activity = await activities.ReadAsync(inputs.Profile, cancellationToken);
        var layer = CustomerLayering.Classify(activity);
        var last30Days = await log.PitchCountsAsync(inputs.Profile.Id, time.GetUtcNow() - CapWindow, cancellationToken);
        var here = pitchedHere.GroupBy(p => p.OfferId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var facts = inputs.Facts;
        var context = new ShelfContext(activity, layer, inputs.Business, inputs.Language, facts.ComplaintOpen, facts.StrongNegativeEmotion,
            facts.ProblemResolved, last30Days, here, inputs.Variables);
        return new CopilotShelfView(layer, OfferShelf.Rank(inputs.Catalog.Offers, context));
    }
}
