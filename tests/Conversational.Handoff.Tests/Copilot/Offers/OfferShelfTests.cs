using Conversational.Handoff.Copilot;
using static Conversational.Handoff.Tests.Copilot.Offers.TestOffers;

namespace Conversational.Handoff.Tests.Copilot.Offers;

public sealed class OfferShelfTests
{
    // For a gold VIP 5 card holder in the installment scenario, in Chinese, with nothing pitched yet.
    private static readonly OfferRules Rules = new(["gold", "platinum"], 3, [], ["card_holder"], ["complained_before"],
        [CopilotBusinesses.Installment], MaxPitchesPer30Days: 2, MaxPitchesPerConversation: 1);

    private static readonly ServiceOffer Discount = Offer("t.discount", rules: Rules);

    public static TheoryData<string, Func<ShelfContext, ShelfContext>> Compliance => new()
    {
        { ShelfRules.OptedOut, c => c with { Customer = Customer(tags: ["card_holder", "opted_out_marketing"]) } },
        { ShelfRules.OpenComplaint, c => c with { ComplaintOpen = true } },
        { ShelfRules.NegativeEmotion, c => c with { StrongNegativeEmotion = true } },
        { ShelfRules.OptedOut, c => c with { Customer = Customer(tags: ["opted_out_marketing"]), ComplaintOpen = true } }, // the opt-out is named first
        { ShelfRules.OpenComplaint, c => c with { ComplaintOpen = true, StrongNegativeEmotion = true } },
    };

    public static TheoryData<string, Func<ServiceOffer, ServiceOffer>, Func<ShelfContext, ShelfContext>> Eligibility => new()
    {
        { ShelfRules.Tier, o => o, c => c with { Customer = Customer(tier: "standard") } },
        { ShelfRules.Vip, o => o, c => c with { Customer = Customer(vip: 2) } },
        { ShelfRules.Layer, o => o with { Rules = Rules with { Layers = [CustomerLayers.HighValue] } }, c => c },
        { ShelfRules.TagRequired, o => o, c => c with { Customer = Customer(tags: ["installment_user"]) } },
        { ShelfRules.TagExcluded, o => o, c => c with { Customer = Customer(tags: ["card_holder", "complained_before"]) } },
        { ShelfRules.Scenario, o => o, c => c with { Business = CopilotBusinesses.Returns } },
        { ShelfRules.Cap30Days, o => o, c => c with { PitchesLast30Days = new Dictionary<string, int> { ["t.discount"] = 2 } } },
        { ShelfRules.CapConversation, o => o, c => c with { PitchesThisConversation = new Dictionary<string, int> { ["t.discount"] = 1 } } },
        { ShelfRules.Language, o => o, c => c with { Language = "en" } },
        { ShelfRules.Retired, o => o with { Retired = true }, c => c },
    };

    [Theory]
    [MemberData(nameof(Compliance))]
    public void ACompliance_Rule_BlocksTheWholeShelf(string block, Func<ShelfContext, ShelfContext> change)
    {
        var result = OfferShelf.Rank([Discount, Offer("t.any")], change(Context()));

        Assert.Equal((block, 0, 0), (result.BlockedBy, result.Offers.Count, result.Refused.Count));
    }

    [Theory]
    [MemberData(nameof(Eligibility))]
    public void AnOfferFailingARule_IsRefusedWithThatRule(string rule, Func<ServiceOffer, ServiceOffer> changeOffer,
        Func<ShelfContext, ShelfContext> changeContext)
    {
        var result = OfferShelf.Rank([changeOffer(Discount)], changeContext(Context()));

        Assert.Equal([new ShelfRefusal("t.discount", rule)], result.Refused);
        Assert.Equal((null, 0), (result.BlockedBy, result.Offers.Count));
    }

    [Fact]
    public void AnOfferPassingEveryRule_IsOffered()
    {
        var context = Context() with { PitchesLast30Days = new Dictionary<string, int> { ["t.discount"] = 1 } }; // under the cap of 2

        var result = OfferShelf.Rank([Discount], context);

        Assert.Equal(["t.discount"], result.Offers.Select(o => o.Offer.Id));
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void ACapOfZero_IsNoCap()
    {
        var context = Context() with
        {
            PitchesLast30Days = new Dictionary<string, int> { ["t.any"] = 9 },
            PitchesThisConversation = new Dictionary<string, int> { ["t.any"] = 9 },
        };

        Assert.Single(OfferShelf.Rank([Offer("t.any")], context).Offers);
    }

    [Fact]
    public void Offers_RankByPriorityPlusLayerAndScenarioFit_AtMostThree()
    {
        var aimedAtScenario = AnyoneRules with { Scenarios = [CopilotBusinesses.Installment] };
        var aimedAtBoth = aimedAtScenario with { Layers = [CustomerLayers.Growth] };
        ServiceOffer[] offers =
        [
            Offer("t.plain", priority: 50),                               // 50
            Offer("t.scenario", rules: aimedAtScenario, priority: 45),    // 45 + 10
            Offer("t.both", rules: aimedAtBoth, priority: 42),            // 42 + 10 + 10
            Offer("t.low", priority: 30),                                 // 30
            Offer("t.plain2", priority: 50),                              // 50, after t.plain by id
        ];

        var result = OfferShelf.Rank(offers, Context());

        Assert.Equal([("t.both", 62d), ("t.scenario", 55d), ("t.plain", 50d)], result.Offers.Select(o => (o.Offer.Id, o.Score)));
        Assert.Equal(
            [
                new ScoreReason(ShelfReasons.Priority, 42, null),
                new ScoreReason(ShelfReasons.AimedAtLayer, OfferShelf.AimedAtLayerPoints, CustomerLayers.Growth),
                new ScoreReason(ShelfReasons.AimedAtScenario, OfferShelf.AimedAtScenarioPoints, CopilotBusinesses.Installment),
            ],
            result.Offers[0].Reasons);
        Assert.Equal(result.Offers[0].Score, result.Offers[0].Reasons.Sum(reason => reason.Points ?? 0));
    }

    [Fact]
    public void BeforeTheProblemIsSolved_OffersAreListedButNotReady()
    {
        var before = OfferShelf.Rank([Discount], Context() with { ProblemResolved = false }).Offers.Single();
        var after = OfferShelf.Rank([Discount], Context()).Offers.Single();

        Assert.Equal((false, true), (before.Ready, after.Ready));
        var wait = new ScoreReason(ShelfReasons.WaitUntilResolved, null, null);
        Assert.Equal(wait, before.Reasons[^1]);
        Assert.DoesNotContain(wait, after.Reasons);
        Assert.Equal(before.Score, after.Score); // waiting costs no points
    }

    [Fact]
    public void ThePitch_IsTheScriptWithFewestGapsFilled_AndAGapStaysForTheAgent()
    {
        var offer = Offer("t.bundle", concepts: [["护理"], ["套装"]], scripts:
        [
            "{customer_name}，买{product}送{date}前有效的护理套装，要不要看看？",
            "{customer_name}，护理套装{product}专享，要不要看看？",
        ]);

        var shelved = OfferShelf.Rank([offer], Context()).Offers.Single();

        Assert.Equal(("t.bundle.2", "陈女士，护理套装{product}专享，要不要看看？"), (shelved.Script.Id, shelved.Pitch));
    }

    [Fact]
    public void TheDemoCatalogue_HasAnOfferForC1005InAnInstallment_AndNoneForTheOptedOutC1008()
    {
        var offers = DemoCopilotCatalog.Load().Offers;
        var c1005 = new CustomerActivity("c1005", "gold", 5, ["card_holder", "installment_user"], 12_000m, 8, 1, 0, 1);
        var c1008 = new CustomerActivity("c1008", "standard", 0, ["new", "opted_out_marketing"], 300m, 1, 0, 0, 0);

        var forC1005 = OfferShelf.Rank(offers, Context(c1005, CustomerLayering.Classify(c1005).Name));
        var forC1008 = OfferShelf.Rank(offers, Context(c1008, CustomerLayering.Classify(c1008).Name));

        Assert.NotEmpty(forC1005.Offers);
        Assert.Equal((ShelfRules.OptedOut, 0), (forC1008.BlockedBy, forC1008.Offers.Count));
    }
}
