namespace Conversational.Skills.Pricing;

/// <summary>
/// The "再买¥X可再减¥Y" hint. For every usable coupon (valid, covering an item in the cart) with a threshold still ahead
/// (a threshold coupon whose threshold is not met, a stepped coupon below its cap): take the best combination with that
/// coupon in it (in place of its stack group's coupon), and its eligible subtotal s at its place. X is its next
/// threshold (the threshold, or the next whole step) minus s, spent on one hypothetical unit priced X (list price, no
/// activity) that only that coupon covers, so the coupons before it are unchanged. Y is that combination's saving on
/// the cart plus the unit, minus the best saving now; later coupons that lose their thresholds count against it. Hints
/// with Y ≤ 0 are dropped; the smallest X wins, then the largest Y, then the smaller coupon Id (ordinal).
/// </summary>
internal static class NextThreshold
{
    public static NextThresholdHint? Find(PricingProblem problem, CouponSequence sequence, int[] best, long bestSaving)
    {
        var candidates = problem.Candidates;
        NextThresholdHint? hint = null;
        for (var candidate = 0; candidate < candidates.Length; candidate++)
        {
            var coupon = candidates[candidate].Coupon;
            if (coupon.Terms.ThresholdCents == 0 || (coupon.Terms is ThresholdTerms && best.Contains(candidate)))
            {
                continue; // no threshold at all, or already met
            }

            if (!sequence.Run(problem.WithCandidate(best, candidate), topUpFor: candidate))
            {
                continue;
            }

            var extraSpend = Money.Yuan(sequence.ExtraCents);
            var extraSaving = Money.Yuan(sequence.Saving - bestSaving);
            if (extraSaving > 0 && IsBetter(extraSpend, extraSaving, coupon.Id, hint))
            {
                hint = new NextThresholdHint(coupon.Id, coupon.Name, coupon.NameEn, extraSpend, extraSaving);
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
