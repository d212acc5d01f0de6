namespace Conversational.Handoff.Copilot;

/// <summary>
/// What trainers curate for the agent copilot, saved as one versioned document: reply scripts (话术), mandatory
/// disclosures (必说事项) and the service-sales offers (服销货架).
/// </summary>
public sealed record CopilotCatalog(IReadOnlyList<ReplyScript> Scripts, IReadOnlyList<DisclosureRule> Disclosures, IReadOnlyList<ServiceOffer> Offers)
{
    public static CopilotCatalog Empty { get; } = new([], [], []);
}

/// <summary>
/// A reply script (话术) for one business and language (<c>zh-CN</c> or <c>en</c>). <paramref name="Text"/> may hold
/// variables such as <c>{customer_name}</c> or <c>{amount}</c> (<see cref="ScriptVariables"/>).
/// </summary>
/// <param name="Intents">The intents it answers; it ranks first for them.</param>
/// <param name="Keywords">Words of the customer's text that make it relevant.</param>
/// <param name="Retired">Kept for history but no longer suggested.</param>
public sealed record ReplyScript(string Id, string Business, string Language, string Title, string Text,
    IReadOnlyList<string> Intents, IReadOnlyList<string> Keywords, bool Retired = false);

/// <summary>
/// A disclosure (必说事项) the agent must say in a business: the standard <paramref name="Wording"/> to insert, and the
/// concepts that recognize it in the agent's own words. Every group must be present (any one alternative of the group)
/// for a message to count as saying it.
/// </summary>
public sealed record DisclosureRule(string Id, string Business, string Language, string Title, string Wording,
    IReadOnlyList<IReadOnlyList<string>> Concepts, bool Mandatory = true, bool Retired = false);

/// <summary>
/// A service-sales offer (服销产品) on the shelf: who may be offered it (<paramref name="Rules"/>), the pitch scripts,
/// and the concepts that detect a pitch in the agent's messages (启齿).
/// </summary>
/// <param name="Priority">Higher is shown first among equally fitting offers.</param>
public sealed record ServiceOffer(string Id, string Name, string Category, string Language, OfferRules Rules,
    IReadOnlyList<OfferScript> Scripts, IReadOnlyList<IReadOnlyList<string>> PitchConcepts, int Priority, bool Retired = false);

/// <summary>
/// Eligibility and frequency caps of an offer. An empty list means any. <paramref name="Scenarios"/> are business ids;
/// <paramref name="Layers"/> are customer layer names (客户分层).
/// </summary>
public sealed record OfferRules(IReadOnlyList<string> Tiers, int MinVipLevel, IReadOnlyList<string> Layers,
    IReadOnlyList<string> RequiredTags, IReadOnlyList<string> ExcludedTags, IReadOnlyList<string> Scenarios,
    int MaxPitchesPer30Days, int MaxPitchesPerConversation);

/// <summary>One way to pitch an offer; <paramref name="Text"/> may hold the same variables as a reply script.</summary>
public sealed record OfferScript(string Id, string Text);
