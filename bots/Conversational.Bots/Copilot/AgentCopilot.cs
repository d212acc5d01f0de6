using Conversational.Bots.Handoff;
using Conversational.Handoff.Copilot;

namespace Conversational.Bots.Copilot;

/// <summary>
/// The agent's copilot (坐席助手) for one chat: reply suggestions (scripts and knowledge answers), the mandatory-disclosure
/// checklist, the service-sales shelf with what opening detection saw, and a ticket draft. Reads only; computing it again
/// changes nothing (opening detection, which records, is <see cref="OpeningDetection"/>).
/// </summary>
public sealed class AgentCopilot(CopilotInputsReader reader, CopilotKnowledge knowledge, CopilotShelf shelf, OfferLog log,
    CopilotLanguageModel languageModel, TimeProvider time)
{
    public const int MaxSuggestions = 5;
    public const int MaxScripts = 3;

    /// <returns>Null when there is no such conversation.</returns>
    public async Task<CopilotView?> ViewAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(conversationId, cancellationToken) is not { } inputs)
        {
            return null;
        }

        var pitched = await log.ForConversationAsync(conversationId, cancellationToken);
        var (layer, shelfResult) = await shelf.RankAsync(inputs, pitched, cancellationToken);
        var package = HandoffPackageBuilder.Build(inputs.Conversation, inputs.Events, inputs.Profile, time.GetUtcNow());
        return new CopilotView(
            conversationId,
            inputs.Business,
            inputs.Intent,
            inputs.Language,
            inputs.Facts.LastSeq,
            new CopilotLayer(layer.Name, layer.Score, layer.Reasons),
            await SuggestionsAsync(inputs, cancellationToken),
            Disclosures(inputs),
            Offers(inputs, shelfResult, pitched),
            shelfResult.BlockedBy,
            TicketDrafts.Draft(inputs, package),
            languageModel.Enabled);
    }

    /// <summary>The disclosures of the chat's business and language, not retired, ticked by the agent's messages.</summary>
    public static IReadOnlyList<ChecklistItem> Checklist(CopilotInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var rules = inputs.Catalog.Disclosures
            .Where(rule => !rule.Retired && rule.Business == inputs.Business && rule.Language == inputs.Language)
            .ToList();
        return DisclosureChecklist.Evaluate(rules, inputs.Facts.AgentMessages);
    }

    private async Task<IReadOnlyList<CopilotSuggestion>> SuggestionsAsync(CopilotInputs inputs, CancellationToken cancellationToken)
    {
        var customerText = inputs.Facts.LastCustomerText ?? "";
        var scripts = ScriptRanker.Rank(inputs.Catalog.Scripts,
            new ScriptQuery(inputs.Business, inputs.Intent, inputs.Language, customerText, inputs.Variables), MaxScripts);
        var answers = customerText.Length == 0
            ? []
            : await knowledge.SuggestAsync(customerText, inputs.Language, inputs.Conversation.Channel, cancellationToken);
        return [.. scripts
            .Select(ranked => new CopilotSuggestion($"script:{ranked.Script.Id}", "script", ranked.Script.Title, ranked.Text,
                Math.Round(ranked.Score, 4), ranked.MissingVariables, null))
            .Concat(answers)
            .OrderByDescending(suggestion => suggestion.Score)
            .Take(MaxSuggestions)];
    }

    private static IReadOnlyList<CopilotDisclosure> Disclosures(CopilotInputs inputs) =>
        [.. Checklist(inputs).Select(item => new CopilotDisclosure(item.Rule.Id, item.Rule.Title, item.Rule.Wording, item.Rule.Mandatory,
            item.Ticked, item.TickedBySeq))];

    /// <summary>
    /// The shelf's offers, then offers pitched in this chat that the shelf no longer lists (a pitch uses up the chat's cap),
    /// so the agent keeps seeing the customer's answer.
    /// </summary>
    private static IReadOnlyList<CopilotOffer> Offers(CopilotInputs inputs, ShelfResult shelf, IReadOnlyList<OfferPitch> pitched)
    {
        var latest = pitched.GroupBy(p => p.OfferId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.PitchedAt)!, StringComparer.Ordinal);
        var offers = shelf.Offers
            .Select(o => Offer(o.Offer, o.Script.Id, o.Pitch, o.Ready, o.Reasons, latest.GetValueOrDefault(o.Offer.Id)))
            .ToList();
        foreach (var pitch in latest.Values.Where(p => offers.All(o => o.OfferId != p.OfferId)).OrderBy(p => p.PitchedAt))
        {
            if (inputs.Catalog.Offers.FirstOrDefault(o => o.Id == pitch.OfferId) is { } offer)
            {
                var script = offer.Scripts.FirstOrDefault(s => s.Id == pitch.ScriptId) ?? offer.Scripts[0];
                offers.Add(Offer(offer, script.Id, ScriptVariables.Fill(script.Text, inputs.Variables), true, [], pitch));
            }
        }

        return offers;
    }

    private static CopilotOffer Offer(ServiceOffer offer, string scriptId, string pitch, bool ready, IReadOnlyList<string> reasons,
        OfferPitch? pitched) =>
        new(offer.Id, offer.Name, offer.Category, scriptId, pitch, ready, reasons, pitched is not null,
            pitched is null ? null : ResponseName(pitched.Response));

    internal static string ResponseName(OfferResponse response) => response switch
    {
        OfferResponse.Accepted => "accepted",
        OfferResponse.Declined => "declined",
        _ => "no_answer",
    };
}
