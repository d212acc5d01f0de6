namespace Conversational.Skills.Pricing;

/// <summary>
/// Applies a chosen set of candidates in application order to the cart, optionally with one extra unit of
/// extraCents that only candidate extraFor covers (the next-threshold hint's hypothetical item).
/// A coupon whose threshold is not met at its place gives nothing. Each coupon's discount is split over its eligible
/// lines by largest remainder, weighted by each line's amount above its ¥0.01-per-unit floor at that moment.
/// </summary>
internal sealed class CouponSequence
{
    private CouponSequence(int candidates, int lines)
    {
        Tested = new long[candidates];
        Discounts = new long[candidates];
        LineDiscounts = new long[lines];
    }

    /// <summary>Per candidate in the set: the eligible subtotal its threshold was tested on (cents).</summary>
    public long[] Tested { get; }

    /// <summary>Per candidate in the set: what it took off (cents).</summary>
    public long[] Discounts { get; }

    /// <summary>Per line (the extra unit last, when there is one): the coupons' total discount on it (cents).</summary>
    public long[] LineDiscounts { get; }

    public long Saving { get; private set; }

    public static CouponSequence Evaluate(PricingProblem problem, IEnumerable<int> chosen, int extraFor = -1, long extraCents = 0)
    {
        var hasExtra = extraFor >= 0;
        var lineCount = problem.LineCount + (hasExtra ? 1 : 0);
        var result = new CouponSequence(problem.Candidates.Length, lineCount);
        var amounts = new long[lineCount];
        var units = new long[lineCount];
        problem.AfterActivityCents.CopyTo(amounts, 0);
        problem.Units.CopyTo(units, 0);
        if (hasExtra)
        {
            amounts[^1] = extraCents;
            units[^1] = 1;
        }

        foreach (var candidate in chosen.Order())
        {
            int[] lines = problem.Candidates[candidate].Lines;
            if (candidate == extraFor)
            {
                lines = [.. lines, lineCount - 1];
            }

            long subtotal = 0;
            long floor = 0;
            foreach (var line in lines)
            {
                subtotal += amounts[line];
                floor += units[line];
            }

            var discount = Math.Min(problem.Candidates[candidate].Coupon.Terms.DiscountCents(subtotal), subtotal - floor);
            result.Tested[candidate] = subtotal;
            result.Discounts[candidate] = discount;
            if (discount <= 0)
            {
                continue;
            }

            var weights = lines.Select(line => amounts[line] - units[line]).ToArray();
            var shares = new long[lines.Length];
            LargestRemainder.Split(discount, weights, shares);
            for (var i = 0; i < lines.Length; i++)
            {
                amounts[lines[i]] -= shares[i];
                result.LineDiscounts[lines[i]] += shares[i];
            }

            result.Saving += discount;
        }

        return result;
    }
}
