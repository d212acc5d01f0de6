namespace Conversational.Skills.Pricing;

/// <summary>
/// The "再买¥X可再减¥Y" hint. For every usable coupon with a threshold still ahead (a threshold coupon whose threshold is
/// not met, a stepped coupon below its cap), take the best combination with that coupon in it (replacing the one of its
/// stack group) and its eligible subtotal s at its place; the extra spend X is its next threshold minus s (the
/// threshold, or the next whole step). The extra spend is one hypothetical unit priced X (list price, no activity) that
/// only that coupon covers, so the coupons before it are unchanged. Y is the saving of that combination on the cart plus
/// the unit, minus the best saving now (later coupons may lose their thresholds, which Y includes). Hints with Y ≤ 0 are
/// dropped; the smallest X wins, then the largest Y, then the smaller coupon Id (ordinal).
/// </summary>
internal static class NextThreshold
{
    public static NextThresholdHint? Find(PricingProblem problem, int[] best, long bestSaving)
    {
        var candidates = problem.Candidates;
        NextThresholdHint? hint = null;
        for (var candidate = 0; candidate < candidates.Length; candidate++)
        {
            var coupon = candidates[candidate].Coupon;
            int[] combination = [.. best.Where(c => candidates[c].Group != candidates[candidate].Group), candidate];
            var tested = CouponSequence.Evaluate(problem, combination).Tested[candidate];
            if (coupon.Terms.NextThresholdCents(tested) is not { } target)
            {
                continue;
            }

            var extraSpend = target - tested;
            var extraSaving = CouponSequence.Evaluate(problem, combination, candidate, extraSpend).Saving - bestSaving;
            if (extraSaving > 0 && IsBetter(Money.Yuan(extraSpend), Money.Yuan(extraSaving), coupon.Id, hint))
            {
                hint = new NextThresholdHint(coupon.Id, coupon.Name, coupon.NameEn, Money.Yuan(extraSpend), Money.Yuan(extraSaving));
            }
        }

        return hint;
    }

    private static bool IsBetter(decimal spend, decimal saving, string id, NextThresholdHint? than) =>
        than is null
        || spend < than.ExtraSpend
        || (spend == than.ExtraSpend && (saving > than.ExtraSaving
            || (saving == than.ExtraSaving && string.CompareOrdinal(id, than.CouponId) < 0)));
}
