using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Catalog;

/// <summary>Each broken field of a catalogue is refused with its own path; a valid catalogue has no problems.</summary>
public sealed class CopilotCatalogValidationTests
{
    public static TheoryData<string, CopilotCatalog, string> Broken() => new()
    {
        { "id with upper case", With(script: CopilotSamples.Script(id: "Script.A")), "scripts[0].id" },
        { "empty id", With(script: CopilotSamples.Script(id: "")), "scripts[0].id" },
        { "language fr", With(script: CopilotSamples.Script(language: "fr")), "scripts[0].language" },
        { "unknown business", With(script: CopilotSamples.Script(business: "loans")), "scripts[0].business" },
        { "empty text", With(script: CopilotSamples.Script(text: " ")), "scripts[0].text" },
        { "text over 2000 characters", With(script: CopilotSamples.Script(text: new string('话', 2001))), "scripts[0].text" },
        { "unknown variable", With(script: CopilotSamples.Script(text: "您好{name}")), "scripts[0].text" },
        { "variable in the wrong case", With(script: CopilotSamples.Script(text: "账单{Amount}")), "scripts[0].text" },
        { "empty keyword", With(script: CopilotSamples.Script(keywords: ["分期", ""])), "scripts[0].keywords" },
        { "wording misses a concept", With(disclosure: CopilotSamples.Disclosure(wording: "分期成功后请留意账单。")), "disclosures[0].wording" },
        { "no concept groups", With(disclosure: CopilotSamples.Disclosure(concepts: [])), "disclosures[0].concepts" },
        { "an empty concept group", With(disclosure: CopilotSamples.Disclosure(concepts: [["成功"], []])), "disclosures[0].concepts[1]" },
        { "an alternative of punctuation only", With(disclosure: CopilotSamples.Disclosure(concepts: [["成功"], ["，"]])), "disclosures[0].concepts[1]" },
        { "offer without scripts", With(offer: CopilotSamples.Offer(scripts: [])), "offers[0].scripts" },
        { "offer without pitch concepts", With(offer: CopilotSamples.Offer(pitch: [])), "offers[0].pitchConcepts" },
        { "offer script that is no pitch", With(offer: CopilotSamples.Offer(scripts: [new OfferScript("offer.sample.zh.1", "现在办理分期吗？")])), "offers[0].scripts[0].text" },
        { "duplicate offer script ids", With(offer: CopilotSamples.Offer(scripts: [new OfferScript("s.1", "分期有优惠"), new OfferScript("s.1", "分期优惠")])), "offers[0].scripts[1].id" },
        { "negative 30-day cap", With(offer: CopilotSamples.Offer(rules: CopilotSamples.Rules() with { MaxPitchesPer30Days = -1 })), "offers[0].rules.maxPitchesPer30Days" },
        { "negative conversation cap", With(offer: CopilotSamples.Offer(rules: CopilotSamples.Rules() with { MaxPitchesPerConversation = -1 })), "offers[0].rules.maxPitchesPerConversation" },
        { "VIP level 11", With(offer: CopilotSamples.Offer(rules: CopilotSamples.Rules() with { MinVipLevel = 11 })), "offers[0].rules.minVipLevel" },
        { "unknown layer", With(offer: CopilotSamples.Offer(rules: CopilotSamples.Rules() with { Layers = ["whales"] })), "offers[0].rules.layers" },
        { "unknown scenario", With(offer: CopilotSamples.Offer(rules: CopilotSamples.Rules() with { Scenarios = ["loans"] })), "offers[0].rules.scenarios" },
        { "missing rules", With(offer: CopilotSamples.Offer() with { Rules = null! }), "offers[0].rules" },
        { "missing list", CopilotSamples.Catalog() with { Disclosures = null! }, "disclosures" },
    };

    [Fact]
    public void AValidCatalogue_HasNoProblems() => Assert.Empty(CopilotCatalogValidation.Validate(CopilotSamples.Catalog()));

    [Theory]
    [MemberData(nameof(Broken))]
    public void ABrokenField_IsTheOneProblem_AtItsPath(string broken, CopilotCatalog catalog, string path)
    {
        var errors = CopilotCatalogValidation.Validate(catalog);

        Assert.True(errors.Count == 1 && errors[0].Path == path, $"{broken}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void TheSameIdTwiceInAList_IsRefusedAtTheSecond_WhileListsMayShareIds()
    {
        var catalog = new CopilotCatalog([CopilotSamples.Script("same"), CopilotSamples.Script("same")], [CopilotSamples.Disclosure("same")],
            [CopilotSamples.Offer("same")]);

        Assert.Equal(["scripts[1].id"], CopilotCatalogValidation.Validate(catalog).Select(error => error.Path));
    }

    [Fact]
    public void EveryProblemIsListed_NotOnlyTheFirst()
    {
        var catalog = new CopilotCatalog([CopilotSamples.Script(language: "de", text: "")], [CopilotSamples.Disclosure(id: "BAD")],
            [CopilotSamples.Offer(rules: CopilotSamples.Rules() with { MinVipLevel = -1 })]);

        Assert.Equal(["disclosures[0].id", "offers[0].rules.minVipLevel", "scripts[0].language", "scripts[0].text"],
            CopilotCatalogValidation.Validate(catalog).Select(error => error.Path).Order());
    }

    [Fact]
    public void AWordingWithVariables_CoversItsConcepts_WhenTheWordsOutsideTheVariablesSayThem()
    {
        var rule = CopilotSamples.Disclosure(wording: "分{periods}期办理成功后，期数和金额不能修改。");

        Assert.Empty(CopilotCatalogValidation.Validate(CopilotSamples.Catalog() with { Disclosures = [rule] }));
    }

    private static CopilotCatalog With(ReplyScript? script = null, DisclosureRule? disclosure = null, ServiceOffer? offer = null) =>
        new([script ?? CopilotSamples.Script()], [disclosure ?? CopilotSamples.Disclosure()], [offer ?? CopilotSamples.Offer()]);
}
