using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Offers;

/// <summary>Small offers and customers of the tests' own, so the seeded catalogue can change without breaking them.</summary>
internal static class TestOffers
{
    public static OfferRules AnyoneRules { get; } = new([], 0, [], [], [], [], 0, 0);

    public static ServiceOffer Offer(string id, string language = "zh-CN", OfferRules? rules = null, int priority = 50,
        IReadOnlyList<IReadOnlyList<string>>? concepts = null, params string[] scripts) =>
        new(id, id, "test", language, rules ?? AnyoneRules,
            [.. (scripts.Length == 0 ? ["{customer_name}，分期手续费现在有优惠，要不要了解一下？"] : scripts).Select((text, i) => new OfferScript($"{id}.{i + 1}", text))],
            concepts ?? [["分期"], ["优惠"]], priority);

    public static CustomerActivity Customer(string tier = "gold", int vip = 5, params string[] tags) =>
        new("c1", tier, vip, tags.Length == 0 ? ["card_holder"] : tags, 8_000m, 6, 1, 0, 0);

    public static ShelfContext Context(CustomerActivity? customer = null, string layer = CustomerLayers.Growth) =>
        new(customer ?? Customer(), new CustomerLayer(layer, 40, []), CopilotBusinesses.Installment, "zh-CN",
            ComplaintOpen: false, StrongNegativeEmotion: false, ProblemResolved: true,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, string> { ["customer_name"] = "陈女士" });
}
