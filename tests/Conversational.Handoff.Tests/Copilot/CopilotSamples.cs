using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot;

/// <summary>Small valid catalogue items that tests change one field at a time.</summary>
internal static class CopilotSamples
{
    public static ReplyScript Script(string id = "script.sample.zh", string business = CopilotBusinesses.Installment, string language = "zh-CN",
        string text = "{customer_name}您好，账单{amount}可以分期。", IReadOnlyList<string>? intents = null, IReadOnlyList<string>? keywords = null) =>
        new(id, business, language, "分期说明", text, intents ?? ["bill_installment"], keywords ?? ["分期"]);

    public static DisclosureRule Disclosure(string id = "disclosure.sample.zh", string wording = "分期成功后，期数和金额不能修改。",
        IReadOnlyList<IReadOnlyList<string>>? concepts = null) =>
        new(id, CopilotBusinesses.Installment, "zh-CN", "分期成功后不能修改", wording, concepts ?? [["成功"], ["不能修改", "无法修改"]]);

    public static ServiceOffer Offer(string id = "offer.sample.zh", OfferRules? rules = null, IReadOnlyList<OfferScript>? scripts = null,
        IReadOnlyList<IReadOnlyList<string>>? pitch = null) =>
        new(id, "分期手续费优惠", "installment", "zh-CN", rules ?? Rules(), scripts ?? [new OfferScript($"{id}.1", "现在办理分期，手续费有优惠。")],
            pitch ?? [["分期"], ["优惠"]], Priority: 10);

    public static OfferRules Rules() => new([], 0, [], ["card_holder"], ["opted_out_marketing"], [CopilotBusinesses.Installment], 2, 1);

    public static CopilotCatalog Catalog() => new([Script()], [Disclosure()], [Offer()]);
}
