namespace Conversational.Handoff.Copilot;

/// <summary>
/// 服销货架: which offers the agent may pitch now, best first, each with a pitch script filled for the customer.
/// </summary>
/// <remarks>
/// Compliance comes first and blocks the whole shelf (<see cref="ShelfRules.Block"/>). Then each offer passes its
/// rules or is refused with the first it fails (<see cref="ShelfRules.Refusal"/>). The rest rank by score = priority
/// + <see cref="AimedAtLayerPoints"/> when the offer names the customer's layer + <see cref="AimedAtScenarioPoints"/>
/// when it names the current scenario (an offer open to any layer or scenario fits, but was not made for this moment);
/// ties go to the higher priority, then the id. The script is the offer's first with the fewest variables left
/// unfilled. Offers are listed before the problem is solved but are <see cref="ShelfOffer.Ready"/> only after it. Each
/// offer's reasons are data (<see cref="ShelfReasons"/> codes with their points) for the desk to word in the agent's language.
/// </remarks>
public static class OfferShelf
{
    public const int AimedAtLayerPoints = 10;
    public const int AimedAtScenarioPoints = 10;

    public static ShelfResult Rank(IReadOnlyList<ServiceOffer> offers, ShelfContext context, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var block = ShelfRules.Block(context);
        if (block is not null)
        {
            return new ShelfResult([], [], block);
        }

        var refused = new List<ShelfRefusal>();
        var eligible = new List<ShelfOffer>();
        foreach (var offer in offers)
        {
            var refusal = ShelfRules.Refusal(offer, context);
            if (refusal is null)
            {
                eligible.Add(Shelve(offer, context));
            }
            else
            {
                refused.Add(new ShelfRefusal(offer.Id, refusal));
            }
        }

        var ranked = eligible
            .OrderByDescending(shelved => shelved.Score)
            .ThenByDescending(shelved => shelved.Offer.Priority)
            .ThenBy(shelved => shelved.Offer.Id, StringComparer.Ordinal)
            .Take(max);
        return new ShelfResult([.. ranked], refused, null);
    }

    private static ShelfOffer Shelve(ServiceOffer offer, ShelfContext context)
    {
        var reasons = new List<ScoreReason> { new(ShelfReasons.Priority, offer.Priority, null) };
        var score = offer.Priority;
        if (offer.Rules.Layers.Count > 0)
        {
            score += AimedAtLayerPoints;
            reasons.Add(new ScoreReason(ShelfReasons.AimedAtLayer, AimedAtLayerPoints, context.Layer.Name));
        }

        if (offer.Rules.Scenarios.Count > 0)
        {
            score += AimedAtScenarioPoints;
            reasons.Add(new ScoreReason(ShelfReasons.AimedAtScenario, AimedAtScenarioPoints, context.Business));
        }

        if (!context.ProblemResolved)
        {
            reasons.Add(new ScoreReason(ShelfReasons.WaitUntilResolved, null, null));
        }

        var script = offer.Scripts.MinBy(script => Missing(script, context.Variables))
            ?? throw new InvalidOperationException($"Offer '{offer.Id}' has no pitch script.");
        return new ShelfOffer(offer, script, ScriptVariables.Fill(script.Text, context.Variables), score, context.ProblemResolved, reasons);
    }

    private static int Missing(OfferScript script, IReadOnlyDictionary<string, string> values) =>
        ScriptVariables.Names(script.Text).Count(name => !values.ContainsKey(name));
}
