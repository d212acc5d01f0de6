using System.Text.Json.Serialization;

namespace Conversational.Skills.Pricing;

/// <summary>Who pays for a coupon, which decides its phase: store coupons (店铺券) apply before platform coupons (平台券).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CouponIssuer>))]
public enum CouponIssuer
{
    Store,
    Platform,
}
