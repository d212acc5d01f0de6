using System.Globalization;
using System.Text.Json.Serialization;

namespace Conversational.Skills.Pricing;

/// <summary>
/// What a coupon takes off its eligible subtotal (the eligible items' amount after the activity price and after the
/// coupons applied before it). One subtype per kind, so a kind's parameters cannot be mixed with another's. Amounts are
/// whole cents. The discount computed here is before the ¥0.01-per-unit floor that <see cref="PriceCalculator"/> applies.
/// In JSON the kind is the <c>kind</c> property: <c>threshold</c>, <c>stepped</c>, <c>percentOff</c>, <c>noThreshold</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ThresholdTerms), "threshold")]
[JsonDerivedType(typeof(SteppedTerms), "stepped")]
[JsonDerivedType(typeof(PercentOffTerms), "percentOff")]
[JsonDerivedType(typeof(NoThresholdTerms), "noThreshold")]
public abstract record CouponTerms
{
    private protected CouponTerms()
    {
    }

    /// <summary>The smallest eligible subtotal at which the coupon gives anything (0 when it has no threshold).</summary>
    internal abstract long ThresholdCents { get; }

    /// <summary>The discount on an eligible subtotal, in cents, before the ¥0.01 floor; 0 when the threshold is not met.</summary>
    internal abstract long DiscountCents(long eligibleCents);

    /// <summary>
    /// The eligible subtotal at which this coupon would next give more than at <paramref name="eligibleCents"/>, for the
    /// "再买¥X可再减¥Y" hint; null when spending more cannot reach another threshold (no threshold, or the cap is reached).
    /// </summary>
    internal virtual long? NextThresholdCents(long eligibleCents) => null;
}

/// <summary>满300减50: <see cref="Amount"/> off once the eligible subtotal reaches <see cref="Threshold"/> (inclusive).</summary>
public sealed record ThresholdTerms(decimal Threshold, decimal Amount) : CouponTerms
{
    public decimal Threshold { get; } = Money.RequirePositive(Threshold, nameof(Threshold));

    public decimal Amount { get; } = Money.RequirePositive(Amount, nameof(Amount));

    private readonly long _threshold = Money.Cents(Threshold);
    private readonly long _amount = Money.Cents(Amount);

    internal override long ThresholdCents => _threshold;

    internal override long DiscountCents(long eligibleCents) => eligibleCents >= _threshold ? _amount : 0;

    internal override long? NextThresholdCents(long eligibleCents) => eligibleCents < ThresholdCents ? ThresholdCents : null;
}

/// <summary>
/// 每满300减30, 最高减90: <see cref="Amount"/> off for every whole <see cref="Step"/> of eligible subtotal,
/// i.e. floor(subtotal / Step) × Amount, at most <see cref="Cap"/> (none: 上不封顶). The first step is the threshold.
/// </summary>
public sealed record SteppedTerms(decimal Step, decimal Amount, decimal? Cap = null) : CouponTerms
{
    public decimal Step { get; } = Money.RequirePositive(Step, nameof(Step));

    public decimal Amount { get; } = Money.RequirePositive(Amount, nameof(Amount));

    public decimal? Cap { get; } = Cap is not { } cap || (Money.RequirePositive(cap, nameof(Cap)) >= Amount)
        ? Cap
        : throw new ArgumentException($"Cap {cap.ToString(CultureInfo.InvariantCulture)} is below one step's Amount {Amount}.", nameof(Cap));

    private readonly long _step = Money.Cents(Step);
    private readonly long _amount = Money.Cents(Amount);
    private readonly long _cap = Cap is { } cap ? Money.Cents(cap) : long.MaxValue;

    internal override long ThresholdCents => _step;

    internal override long DiscountCents(long eligibleCents) => (long)Int128.Min(Uncapped(eligibleCents / _step), _cap);

    internal override long? NextThresholdCents(long eligibleCents)
    {
        var steps = eligibleCents / _step;
        return Uncapped(steps) >= _cap ? null : (steps + 1) * _step;
    }

    private Int128 Uncapped(long steps) => (Int128)steps * _amount;
}

/// <summary>
/// 9折, 最高减50: <see cref="PercentOff"/> percent off the eligible subtotal (10 for 9折), rounded toward zero to the
/// cent (never more than the merchant gives), at most <see cref="MaxDiscount"/>. No threshold.
/// </summary>
public sealed record PercentOffTerms(decimal PercentOff, decimal MaxDiscount) : CouponTerms
{
    /// <summary>Percent taken off, greater than 0 and less than 100, at most two decimals (12.5 is 87.5折).</summary>
    public decimal PercentOff { get; } = PercentOff is > 0m and < 100m && decimal.Round(PercentOff, 2) == PercentOff
        ? PercentOff
        : throw new ArgumentException(
            $"PercentOff must be above 0 and below 100 with at most two decimals, not {PercentOff.ToString(CultureInfo.InvariantCulture)}.",
            nameof(PercentOff));

    public decimal MaxDiscount { get; } = Money.RequirePositive(MaxDiscount, nameof(MaxDiscount));

    private readonly long _basisPoints = (long)(PercentOff * 100m);
    private readonly long _maxDiscount = Money.Cents(MaxDiscount);

    internal override long ThresholdCents => 0;

    // subtotal × percent / 100 in cents, truncated: Math.Round(subtotal × rate, 2, MidpointRounding.ToZero) in yuan.
    internal override long DiscountCents(long eligibleCents) => Math.Min(
        eligibleCents <= long.MaxValue / 10_000 ? eligibleCents * _basisPoints / 10_000 : (long)((Int128)eligibleCents * _basisPoints / 10_000),
        _maxDiscount);
}

/// <summary>无门槛: <see cref="Amount"/> off whatever the eligible subtotal (still never below ¥0.01 per unit).</summary>
public sealed record NoThresholdTerms(decimal Amount) : CouponTerms
{
    public decimal Amount { get; } = Money.RequirePositive(Amount, nameof(Amount));

    private readonly long _amount = Money.Cents(Amount);

    internal override long ThresholdCents => 0;

    internal override long DiscountCents(long eligibleCents) => _amount;
}
