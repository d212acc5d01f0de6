using Conversational.Bots.Copilot.Llm;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Copilot;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Copilot;

/// <summary>
/// The agent's copilot (坐席助手) for one chat: reply suggestions (scripts and knowledge answers), the mandatory-disclosure
/// checklist, the service-sales shelf with what opening detection saw, and a ticket draft. Reads only; computing it again
/// changes nothing (opening detection, which records, is <see cref="OpeningDetection"/>).
/// </summary>
public sealed class AgentCopilot(CopilotInputsReader reader, CopilotKnowledge knowledge, CopilotShelf shelf, OfferLog log,
    CopilotDrafter drafter, TimeProvider time)
{
    public const int MaxSuggestions = 5;
    public const int MaxScripts = 3;

    /// <summary>
    /// The best score <see cref="ScriptRanker"/> gives (intent, business, every keyword, full overlap): script scores are
    /// divided by it, so they share the 0–1 scale of knowledge answers' confidence and the two kinds interleave.
    /// </summary>
    private const double BestScriptScore = ScriptRanker.IntentWeight + ScriptRanker.BusinessWeight + ScriptRanker.MaxKeywordHits + 1;

    /// <returns>Null when there is no such conversation.</returns>
    public async Task<CopilotView?> ViewAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(conversationId, cancellationToken) is not { } inputs)
        {
            return null;
        }

        var logged = await log.ForConversationAsync(conversationId, cancellationToken);
        var (layer, shelfResult) = await shelf.RankAsync(inputs, logged, cancellationToken);
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
            Offers(inputs, shelfResult, logged),
            shelfResult.BlockedBy,
            TicketDrafts.Draft(inputs, package),
            drafter.Enabled);
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

    /// <summary>
    /// Messages that ask no question (hello, thanks, 转人工): knowledge answers to them would be noise beside the scripts, and
    /// scripts are ranked for the chat's topic instead.
    /// </summary>
    private static readonly HashSet<string> AsksNothing =
        [Intents.Greeting, Intents.Help, Intents.ThanksBye, Intents.ChitChat, Intents.TransferToHuman];

    private async Task<IReadOnlyList<CopilotSuggestion>> SuggestionsAsync(CopilotInputs inputs, CancellationToken cancellationToken)
    {
        var customerText = inputs.Facts.LastCustomerText ?? "";
        var asksNothing = inputs.Intent is { } current && AsksNothing.Contains(current);
        // After "转人工" or "thanks" the scripts that help are those of what the customer came for.
        var intent = asksNothing ? inputs.Facts.TopicIntent(inputs.Intent) ?? inputs.Intent : inputs.Intent;
        var scripts = ScriptRanker.Rank(inputs.Catalog.Scripts,
            new ScriptQuery(inputs.Business, intent, inputs.Language, customerText, inputs.Variables), MaxScripts);
        var answers = customerText.Length == 0 || asksNothing
            ? []
            : await knowledge.SuggestAsync(customerText, inputs.Language, inputs.Conversation.Channel, cancellationToken);
        return [.. scripts
            .Select(ranked => new CopilotSuggestion($"script:{ranked.Script.Id}", "script", ranked.Script.Title, ranked.Text,
                Math.Round(ranked.Score / BestScriptScore, 4), ranked.MissingVariables, null))
            .Concat(answers)
            .OrderByDescending(suggestion => suggestion.Score)
            .Take(MaxSuggestions)];
    }

    private static IReadOnlyList<CopilotDisclosure> Disclosures(CopilotInputs inputs) =>
        [.. Checklist(inputs).Select(item => new CopilotDisclosure(item.Rule.Id, item.Rule.Title,
            ScriptVariables.Fill(item.Rule.Wording, inputs.Variables), item.Rule.Mandatory,
            item.Ticked, item.TickedBySeq))];

    /// <summary>
    /// The shelf's offers and those pitched here that it no longer lists, each with what the chat shows of its pitch: read
    /// off the messages, so a pitch shows the moment it is sent, whether or not it is recorded yet.
    /// </summary>
    private static IReadOnlyList<CopilotOffer> Offers(CopilotInputs inputs, ShelfResult shelf, IReadOnlyList<OfferPitch> logged)
    {
        var candidates = OfferOpenings.Candidates(inputs.Catalog, shelf, logged);
        var pitches = OfferOpenings.Read(inputs, candidates);
        return [.. candidates.Select(candidate =>
        {
            var pitch = pitches.FirstOrDefault(p => p.OfferId == candidate.Offer.Id);
            var (text, ready, reasons) = candidate.OnShelf is { } onShelf
                ? (onShelf.Pitch, onShelf.Ready, onShelf.Reasons)
                : (ScriptVariables.Fill(candidate.Script.Text, inputs.Variables), true, (IReadOnlyList<ScoreReason>)[]);
            return new CopilotOffer(candidate.Offer.Id, candidate.Offer.Name, candidate.Offer.Category, candidate.Script.Id, text, ready,
                reasons, pitch is not null, pitch is null ? null : ResponseName(pitch.Response));
        })];
    }

    private static string ResponseName(OfferResponse response) => response switch
    {
        OfferResponse.Accepted => "accepted",
        OfferResponse.Declined => "declined",
        _ => "no_answer",
    };
}
