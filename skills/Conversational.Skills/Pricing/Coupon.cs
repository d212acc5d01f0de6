namespace Conversational.Skills.Pricing;

/// <summary>
/// A coupon the customer holds (优惠券). <see cref="Issuer"/> decides the phase (store coupons before platform
/// coupons); <see cref="Scope"/> with <see cref="StoreId"/>, <see cref="Category"/> and <see cref="Skus"/> decides the
/// eligible items; <see cref="Terms"/> the discount. Valid while <c>ValidFrom &lt;= now &lt; ValidUntil</c>
/// (<see cref="ValidUntil"/> is exclusive: the first instant it no longer works). At most one coupon per
/// <see cref="StackGroup"/> (ordinal) is used in a quote. Checked on construction (<see cref="ArgumentException"/>):
/// a store-issued coupon names its store and is not platform-wide; a store scope names a store, a category scope a
/// category, a SKU scope at least one SKU, and no scope carries another scope's field (a store-issued coupon's
/// <see cref="StoreId"/> is allowed with any scope and narrows it to that store).
/// </summary>
/// <param name="Id">Unique among the coupons of one quote; ties between equally good combinations go to smaller ids (ordinal).</param>
/// <param name="Name">Chinese name, e.g. 跑步店满300减50.</param>
/// <param name="NameEn">English name.</param>
public sealed record Coupon(
    string Id,
    string Name,
    string NameEn,
    CouponIssuer Issuer,
    CouponScope Scope,
    CouponTerms Terms,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    string StackGroup,
    string? StoreId = null,
    string? Category = null,
    IReadOnlyList<string>? Skus = null)
{
    public string Id { get; } = Require.Text(Id, nameof(Id));

    public CouponTerms Terms { get; } = Require.NotNull(Terms, nameof(Terms));

    public string StackGroup { get; } = Require.Text(StackGroup, nameof(StackGroup));

    public DateTimeOffset ValidFrom { get; } = ValidFrom;

    public DateTimeOffset ValidUntil { get; } = ValidUntil > ValidFrom
        ? ValidUntil
        : throw new ArgumentException($"Coupon {Id}: ValidUntil ({ValidUntil:O}) must be after ValidFrom ({ValidFrom:O}).", nameof(ValidUntil));

    public CouponIssuer Issuer { get; } = Enum.IsDefined(Issuer)
        ? Issuer
        : throw new ArgumentException($"Coupon {Id}: unknown issuer {Issuer}.", nameof(Issuer));

    public CouponScope Scope { get; } = CheckedScope(Id, Issuer, Scope, StoreId, Category, Skus);

    public string? StoreId { get; } = StoreId;

    public string? Category { get; } = Category;

    public IReadOnlyList<string>? Skus { get; } = Skus;

    /// <summary>Whether the coupon can be used at <paramref name="now"/> (from inclusive, until exclusive).</summary>
    public bool IsValidAt(DateTimeOffset now) => ValidFrom <= now && now < ValidUntil;

    /// <summary>Whether <paramref name="product"/> is an eligible item of this coupon (store, category, SKU: ordinal).</summary>
    public bool Covers(Product product) =>
        (StoreId is null || string.Equals(product.StoreId, StoreId, StringComparison.Ordinal))
        && (Category is null || string.Equals(product.Category, Category, StringComparison.Ordinal))
        && (Skus is null || ContainsOrdinal(Skus, product.Sku));

    private static bool ContainsOrdinal(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static CouponScope CheckedScope(
        string id, CouponIssuer issuer, CouponScope scope, string? storeId, string? category, IReadOnlyList<string>? skus)
    {
        string? problem = (issuer, scope) switch
        {
            (CouponIssuer.Store, CouponScope.PlatformWide) => "a store-issued coupon cannot be platform-wide",
            (CouponIssuer.Store, _) when string.IsNullOrWhiteSpace(storeId) => "a store-issued coupon needs its StoreId",
            (CouponIssuer.Platform, CouponScope.PlatformWide) when storeId is not null => "a platform-wide coupon has no StoreId",
            (_, CouponScope.Store) when string.IsNullOrWhiteSpace(storeId) => "a store scope needs a StoreId",
            (_, CouponScope.Category) when string.IsNullOrWhiteSpace(category) => "a category scope needs a Category",
            (_, CouponScope.Skus) when skus is null || skus.Count == 0 || skus.Any(string.IsNullOrWhiteSpace) =>
                "a SKU scope needs at least one SKU, none empty",
            (_, not CouponScope.Category) when category is not null => $"a {scope} scope has no Category",
            (_, not CouponScope.Skus) when skus is not null => $"a {scope} scope has no Skus",
            (_, not (CouponScope.PlatformWide or CouponScope.Store or CouponScope.Category or CouponScope.Skus)) =>
                $"unknown scope {scope}",
            _ => null,
        };
        return problem is null ? scope : throw new ArgumentException($"Coupon {id}: {problem}.", nameof(Scope));
    }
}
