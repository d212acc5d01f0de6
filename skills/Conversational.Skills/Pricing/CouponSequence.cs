namespace Conversational.Skills.Pricing;

/// <summary>
/// Applies a set of candidates to the cart in application order and records what each did. A coupon whose threshold is
/// not met at its place gives nothing. Each coupon's discount is split over its eligible lines by largest remainder,
/// weighted by each line's amount above its ¥0.01-per-unit floor at that moment (the same rule as the search).
/// Optionally one extra unit that only one candidate covers is added (the next-threshold hint's hypothetical item).
/// Reusable: each <see cref="Run"/> starts from the cart after the activity step.
/// </summary>
internal sealed class CouponSequence
{
    private readonly PricingProblem _problem;
    private readonly long[] _amounts;
    private readonly long[] _units;
    private readonly long[] _weights;
    private readonly long[] _shares;
    private readonly int[] _lines;

    public CouponSequence(PricingProblem problem)
    {
        _problem = problem;
        var lines = problem.LineCount + 1;
        _amounts = new long[lines];
        _units = new long[lines];
        _weights = new long[lines];
        _shares = new long[lines];
        _lines = new int[lines];
        Tested = new long[problem.Candidates.Length];
        Discounts = new long[problem.Candidates.Length];
        LineDiscounts = new long[lines];
    }

    /// <summary>Per candidate run: the eligible subtotal its threshold was tested on (cents).</summary>
    public long[] Tested { get; }

    /// <summary>Per candidate run: what it took off (cents).</summary>
    public long[] Discounts { get; }

    /// <summary>Per line, the extra unit last: the coupons' total discount on it (cents).</summary>
    public long[] LineDiscounts { get; }

    public long Saving { get; private set; }

    /// <summary>The extra unit's price when <see cref="Run"/> was asked to top up to the next threshold.</summary>
    public long ExtraCents { get; private set; }

    /// <summary>
    /// Runs <paramref name="chosen"/> (ascending candidate indices), stopping after candidate <paramref name="stopAfter"/>.
    /// With <paramref name="topUpFor"/> ≥ 0 an extra unit covered only by that candidate is priced, when the sequence
    /// reaches it, at its next threshold minus its eligible subtotal; returns false when it has no next threshold.
    /// </summary>
    public bool Run(ReadOnlySpan<int> chosen, int stopAfter = int.MaxValue, int topUpFor = -1)
    {
        var extraLine = _problem.LineCount;
        _problem.AfterActivityCents.CopyTo(_amounts, 0);
        _problem.Units.CopyTo(_units, 0);
        _amounts[extraLine] = 0;
        _units[extraLine] = 1;
        Array.Clear(LineDiscounts);
        Saving = 0;
        ExtraCents = 0;

        foreach (var candidate in chosen)
        {
            if (candidate > stopAfter)
            {
                break;
            }

            var eligible = _problem.Candidates[candidate].Lines;
            eligible.CopyTo(_lines, 0);
            var count = eligible.Length;
            long subtotal = 0;
            long floor = 0;
            for (var i = 0; i < count; i++)
            {
                subtotal += _amounts[_lines[i]];
                floor += _units[_lines[i]];
            }

            var terms = _problem.Candidates[candidate].Coupon.Terms;
            if (candidate == topUpFor)
            {
                if (terms.NextThresholdCents(subtotal) is not { } target)
                {
                    return false;
                }

                ExtraCents = target - subtotal;
                _amounts[extraLine] = ExtraCents;
                _lines[count++] = extraLine;
                subtotal = target;
                floor += 1;
            }

            var discount = Math.Min(terms.DiscountCents(subtotal), subtotal - floor);
            Tested[candidate] = subtotal;
            Discounts[candidate] = Math.Max(discount, 0);
            if (discount <= 0)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                _weights[i] = _amounts[_lines[i]] - _units[_lines[i]];
            }

            LargestRemainder.Split(discount, _weights.AsSpan(0, count), _shares);
            for (var i = 0; i < count; i++)
            {
                _amounts[_lines[i]] -= _shares[i];
                LineDiscounts[_lines[i]] += _shares[i];
            }

            Saving += discount;
        }

        return true;
    }
}
