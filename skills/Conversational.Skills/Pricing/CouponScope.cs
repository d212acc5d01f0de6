using System.Text.Json.Serialization;

namespace Conversational.Skills.Pricing;

/// <summary>Which cart items a coupon covers (its eligible items). A store-issued coupon never reaches beyond its store.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CouponScope>))]
public enum CouponScope
{
    /// <summary>全场通用: every item. Platform-issued coupons only.</summary>
    PlatformWide,

    /// <summary>店铺券: every item of <see cref="Coupon.StoreId"/>.</summary>
    Store,

    /// <summary>品类券: items of <see cref="Coupon.Category"/> (within <see cref="Coupon.StoreId"/> when it is set).</summary>
    Category,

    /// <summary>指定商品: items whose SKU is in <see cref="Coupon.Skus"/> (within <see cref="Coupon.StoreId"/> when it is set).</summary>
    Skus,
}
