using System.Text.Json.Serialization;

namespace Conversational.Skills.Pricing;

/// <summary>
/// The price after coupons (到手价) of a cart at one moment, as <see cref="PriceCalculator.Quote"/> computes it.
/// All amounts are yuan with two decimals. <see cref="TotalSaving"/> = <see cref="ListTotal"/> − <see cref="FinalTotal"/>
/// (activity prices and coupons); <see cref="CouponSaving"/> = <see cref="SubtotalAfterActivity"/> − <see cref="FinalTotal"/>,
/// which is exactly the sum of the <see cref="Lines"/>' coupon discounts.
/// </summary>
/// <param name="Steps">The activity prices (one step per SKU) then the coupons, in the order they were applied.</param>
/// <param name="CouponsUsed">The best legal combination, in the order applied (store coupons, then platform; each by Id).</param>
/// <param name="Dropped">Activity prices and coupons that did not count, each with why (activities first, then coupons by Id).</param>
/// <param name="Lines">The cart's lines in cart order, with the coupon discount allocated to the cent.</param>
/// <param name="NextThreshold">The cheapest extra spend that would save more (再买¥X可再减¥Y), or null.</param>
public sealed record PriceQuote(
    decimal ListTotal,
    decimal SubtotalAfterActivity,
    decimal FinalTotal,
    decimal TotalSaving,
    IReadOnlyList<PriceStep> Steps,
    IReadOnlyList<Coupon> CouponsUsed,
    IReadOnlyList<DroppedOffer> Dropped,
    IReadOnlyList<QuoteLine> Lines,
    NextThresholdHint? NextThreshold)
{
    public decimal CouponSaving => SubtotalAfterActivity - FinalTotal;
}

/// <summary>Whether a step or a dropped offer is an activity price (活动价) or a coupon (优惠券).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OfferKind>))]
public enum OfferKind
{
    Activity,
    Coupon,
}

/// <summary>
/// One applied step. For an activity, <see cref="Id"/> is the product's SKU, <see cref="EligibleSubtotal"/> the SKU's
/// list amount in the cart and <see cref="Saving"/> what the activity price takes off it. For a coupon,
/// <see cref="EligibleSubtotal"/> is the subtotal its threshold was tested on: its eligible items after the activity
/// price and the coupons applied before it.
/// </summary>
public sealed record PriceStep(OfferKind Kind, string Id, string Name, string NameEn, decimal EligibleSubtotal, decimal Saving);

/// <summary>
/// An activity price or coupon that did not count, and why. <see cref="Date"/> is the start (NotStarted) or the
/// exclusive end (Expired); <see cref="EligibleSubtotal"/> what the coupon would have been tested on, added to the best
/// combination at its place (ThresholdNotMet, NotInBestCombination); <see cref="Shortfall"/> how much more eligible
/// subtotal its threshold needed (ThresholdNotMet); <see cref="OutrankedBy"/> the used coupon of the same stack group.
/// </summary>
public sealed record DroppedOffer(
    OfferKind Kind,
    string Id,
    string Name,
    string NameEn,
    DropReason Reason,
    DateTimeOffset? Date = null,
    decimal? EligibleSubtotal = null,
    decimal? Shortfall = null,
    string? OutrankedBy = null);

/// <summary>
/// Why an offer did not count. A coupon gets the first that holds, in this order: NotStarted, Expired, NotApplicable,
/// OutrankedInStackGroup, ThresholdNotMet, NotInBestCombination.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DropReason>))]
public enum DropReason
{
    /// <summary>未开始: now is before the start.</summary>
    NotStarted,

    /// <summary>已结束: now is at or after the (exclusive) end.</summary>
    Expired,

    /// <summary>No item in the cart is eligible.</summary>
    NotApplicable,

    /// <summary>Another coupon of the same stack group is used (不可叠加).</summary>
    OutrankedInStackGroup,

    /// <summary>Added to the best combination, its eligible subtotal at its place would be below its threshold (未满足门槛).</summary>
    ThresholdNotMet,

    /// <summary>Usable, but the best combination saves at least as much without it (under the tie-break).</summary>
    NotInBestCombination,
}

/// <summary>
/// One cart line priced: <see cref="ListAmount"/> = list price × quantity, <see cref="AmountAfterActivity"/> the same at
/// the price that applied, <see cref="CouponDiscount"/> its share of the coupons (to the cent) and
/// <see cref="FinalAmount"/> what the customer pays for the line (at least ¥0.01 per unit).
/// </summary>
public sealed record QuoteLine(
    string Sku,
    string? Size,
    int Quantity,
    decimal ListAmount,
    decimal AmountAfterActivity,
    decimal CouponDiscount,
    decimal FinalAmount);

/// <summary>
/// 再买¥<see cref="ExtraSpend"/>可再减¥<see cref="ExtraSaving"/>: spending <see cref="ExtraSpend"/> more on items
/// eligible for coupon <see cref="CouponId"/> would raise the total saving by <see cref="ExtraSaving"/>.
/// </summary>
public sealed record NextThresholdHint(string CouponId, string Name, string NameEn, decimal ExtraSpend, decimal ExtraSaving);
