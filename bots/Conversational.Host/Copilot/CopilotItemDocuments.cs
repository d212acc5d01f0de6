using Conversational.Handoff.Copilot;

namespace Conversational.Host.Copilot;

// The items as a trainer's editor sends them: every field may be missing or null, and becomes empty here so that the
// catalogue's validation, not a NullReferenceException, says what is wrong (and where).

/// <summary>A reply script (话术) as sent to the API.</summary>
public sealed record ReplyScriptDocument(string? Business, string? Language, string? Title, string? Text, IReadOnlyList<string?>? Intents,
    IReadOnlyList<string?>? Keywords, bool Retired = false)
{
    public ReplyScript ToScript(string id) =>
        new(id, Business ?? "", Language ?? "", Title ?? "", Text ?? "", CopilotDocuments.List(Intents), CopilotDocuments.List(Keywords), Retired);
}

/// <summary>A mandatory disclosure (合规披露) as sent to the API.</summary>
public sealed record DisclosureRuleDocument(string? Business, string? Language, string? Title, string? Wording,
    IReadOnlyList<IReadOnlyList<string?>?>? Concepts, bool Mandatory = true, bool Retired = false)
{
    public DisclosureRule ToDisclosure(string id) =>
        new(id, Business ?? "", Language ?? "", Title ?? "", Wording ?? "", CopilotDocuments.Groups(Concepts), Mandatory, Retired);
}

/// <summary>A service-sales offer (服销货架) as sent to the API.</summary>
public sealed record ServiceOfferDocument(string? Name, string? Category, string? Language, OfferRulesDocument? Rules,
    IReadOnlyList<OfferScriptDocument?>? Scripts, IReadOnlyList<IReadOnlyList<string?>?>? PitchConcepts, int Priority = 0, bool Retired = false)
{
    public ServiceOffer ToOffer(string id) =>
        new(id, Name ?? "", Category ?? "", Language ?? "", (Rules ?? new OfferRulesDocument()).ToRules(),
            [.. (Scripts ?? []).OfType<OfferScriptDocument>().Select(script => new OfferScript(script.Id ?? "", script.Text ?? ""))],
            CopilotDocuments.Groups(PitchConcepts), Priority, Retired);
}

public sealed record OfferRulesDocument(IReadOnlyList<string?>? Tiers = null, int MinVipLevel = 0, IReadOnlyList<string?>? Layers = null,
    IReadOnlyList<string?>? RequiredTags = null, IReadOnlyList<string?>? ExcludedTags = null, IReadOnlyList<string?>? Scenarios = null,
    int MaxPitchesPer30Days = 0, int MaxPitchesPerConversation = 0)
{
    public OfferRules ToRules() => new(CopilotDocuments.List(Tiers), MinVipLevel, CopilotDocuments.List(Layers), CopilotDocuments.List(RequiredTags),
        CopilotDocuments.List(ExcludedTags), CopilotDocuments.List(Scenarios), MaxPitchesPer30Days, MaxPitchesPerConversation);
}

public sealed record OfferScriptDocument(string? Id, string? Text);

internal static class CopilotDocuments
{
    // A JSON null inside a list is dropped rather than failing later.
    public static string[] List(IReadOnlyList<string?>? values) => [.. (values ?? []).OfType<string>()];

    public static IReadOnlyList<IReadOnlyList<string>> Groups(IReadOnlyList<IReadOnlyList<string?>?>? groups) =>
        [.. (groups ?? []).OfType<IReadOnlyList<string?>>().Select(List)];
}
