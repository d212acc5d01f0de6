namespace Conversational.Skills.Pricing;

/// <summary>
/// What a customer may ask in the middle of a price question ("能叠加吗", "优惠券怎么领", "coupons stack?"), answered from
/// the pricing rules and the catalog; the step is then asked again. The seed's "hidden needs" behind a price question
/// (尺码, 材质) are among them.
/// </summary>
internal enum PriceQuestion
{
    /// <summary>能叠加吗: the stacking rules, and how many coupons this cart stacks.</summary>
    Stacking,

    /// <summary>优惠券怎么领: where coupons are claimed and that the quote uses claimable ones.</summary>
    GettingCoupons,

    /// <summary>什么时候结束: until when the offers in the quote last.</summary>
    Validity,

    /// <summary>有哪些尺码: the product's sizes (all one price).</summary>
    Sizes,

    /// <summary>什么材质: the product's material and colour.</summary>
    Material,
}
