namespace Conversational.Handoff.Copilot;

/// <summary>
/// The names of the shelf's rules: compliance blocks (合规, the whole shelf) and, per offer, the eligibility rules
/// (准入), frequency caps (频控) and catalogue states, in the order <see cref="OfferShelf"/> checks them.
/// </summary>
public static class ShelfRules
{
    /// <summary>The tag a customer carries after opting out of marketing (退订营销).</summary>
    public const string OptedOutTag = "opted_out_marketing";

    public const string OptedOut = "opted_out";
    public const string OpenComplaint = "open_complaint";
    public const string NegativeEmotion = "negative_emotion";

    public const string Retired = "retired";
    public const string Language = "language";
    public const string Scenario = "scenario";
    public const string Tier = "tier";
    public const string Vip = "vip";
    public const string Layer = "layer";
    public const string TagRequired = "tag_required";
    public const string TagExcluded = "tag_excluded";
    public const string CapConversation = "cap_conversation";
    public const string Cap30Days = "cap_30_days";

    /// <summary>The compliance block of the whole shelf, or null: an opt-out first (it lasts), then an open complaint, then emotion.</summary>
    public static string? Block(ShelfContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Customer.Tags.Contains(OptedOutTag, StringComparer.OrdinalIgnoreCase) ? OptedOut
            : context.ComplaintOpen ? OpenComplaint
            : context.StrongNegativeEmotion ? NegativeEmotion
            : null;
    }

    /// <summary>The first rule the offer fails for this customer and moment, or null when it may be offered.</summary>
    /// <remarks>A cap of 0 means no cap. The conversation's cap is checked before the 30 days', whose count includes it.</remarks>
    public static string? Refusal(ServiceOffer offer, ShelfContext context)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(context);
        var rules = offer.Rules;
        var customer = context.Customer;
        return offer.Retired ? Retired
            : !string.Equals(offer.Language, context.Language, StringComparison.OrdinalIgnoreCase) ? Language
            : !AnyOrContains(rules.Scenarios, context.Business) ? Scenario
            : !AnyOrContains(rules.Tiers, customer.Tier) ? Tier
            : customer.VipLevel < rules.MinVipLevel ? Vip
            : !AnyOrContains(rules.Layers, context.Layer.Name) ? Layer
            : !rules.RequiredTags.All(tag => customer.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) ? TagRequired
            : rules.ExcludedTags.Any(tag => customer.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) ? TagExcluded
            : Reached(rules.MaxPitchesPerConversation, context.PitchesThisConversation, offer.Id) ? CapConversation
            : Reached(rules.MaxPitchesPer30Days, context.PitchesLast30Days, offer.Id) ? Cap30Days
            : null;
    }

    /// <summary>An empty list means any value.</summary>
    private static bool AnyOrContains(IReadOnlyList<string> allowed, string value) =>
        allowed.Count == 0 || allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static bool Reached(int cap, IReadOnlyDictionary<string, int> pitches, string offerId) =>
        cap > 0 && pitches.GetValueOrDefault(offerId) >= cap;
}
