namespace Conversational.Skills.Pricing;

/// <summary>Why each coupon outside the best combination did not count (see <see cref="DropReason"/> for the order).</summary>
internal static class DroppedOffers
{
    public static IEnumerable<DroppedOffer> Coupons(PricingProblem problem, IReadOnlyList<Coupon> coupons, int[] best)
    {
        var candidates = problem.Candidates;
        var used = best.Select(c => candidates[c].Coupon.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var coupon in coupons.Where(coupon => !used.Contains(coupon.Id)).OrderBy(coupon => coupon.Id, StringComparer.Ordinal))
        {
            var candidate = Array.FindIndex(candidates, c => string.Equals(c.Coupon.Id, coupon.Id, StringComparison.Ordinal));
            if (problem.Now < coupon.ValidFrom)
            {
                yield return Dropped(coupon, DropReason.NotStarted) with { Date = coupon.ValidFrom };
            }
            else if (problem.Now >= coupon.ValidUntil)
            {
                yield return Dropped(coupon, DropReason.Expired) with { Date = coupon.ValidUntil };
            }
            else if (candidate < 0)
            {
                yield return Dropped(coupon, DropReason.NotApplicable);
            }
            else if (best.FirstOrDefault(c => candidates[c].Group == candidates[candidate].Group, -1) is var rival and >= 0)
            {
                yield return Dropped(coupon, DropReason.OutrankedInStackGroup) with { OutrankedBy = candidates[rival].Coupon.Id };
            }
            else
            {
                // Tested where it would sit if added to the best combination.
                var tested = CouponSequence.Evaluate(problem, [.. best, candidate]).Tested[candidate];
                var threshold = coupon.Terms.ThresholdCents;
                yield return tested < threshold
                    ? Dropped(coupon, DropReason.ThresholdNotMet) with
                    {
                        EligibleSubtotal = Money.Yuan(tested),
                        Shortfall = Money.Yuan(threshold - tested),
                    }
                    : Dropped(coupon, DropReason.NotInBestCombination) with { EligibleSubtotal = Money.Yuan(tested) };
            }
        }
    }

    private static DroppedOffer Dropped(Coupon coupon, DropReason reason) =>
        new(OfferKind.Coupon, coupon.Id, coupon.Name, coupon.NameEn, reason);
}
