namespace Conversational.Skills.Pricing;

/// <summary>Why each coupon outside the best combination did not count (see <see cref="DropReason"/> for the order).</summary>
internal static class DroppedOffers
{
    public static List<DroppedOffer> Coupons(PricingProblem problem, CouponSequence sequence, int[] best)
    {
        var dropped = new List<DroppedOffer>();
        for (var index = 0; index < problem.Coupons.Count; index++)
        {
            var candidate = problem.CandidateOf[index];
            if (candidate < 0 || Array.IndexOf(best, candidate) < 0)
            {
                dropped.Add(Why(problem.Coupons[index], candidate, problem, sequence, best));
            }
        }

        dropped.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return dropped;
    }

    private static DroppedOffer Why(Coupon coupon, int candidate, PricingProblem problem, CouponSequence sequence, int[] best)
    {
        var dropped = new DroppedOffer(OfferKind.Coupon, coupon.Id, coupon.Name, coupon.NameEn, DropReason.NotApplicable);
        if (problem.Now < coupon.ValidFrom)
        {
            return dropped with { Reason = DropReason.NotStarted, Date = coupon.ValidFrom };
        }

        if (problem.Now >= coupon.ValidUntil)
        {
            return dropped with { Reason = DropReason.Expired, Date = coupon.ValidUntil };
        }

        if (candidate < 0)
        {
            return dropped;
        }

        var candidates = problem.Candidates;
        var rival = Array.FindIndex(best, used => candidates[used].Group == candidates[candidate].Group);
        if (rival >= 0)
        {
            return dropped with { Reason = DropReason.OutrankedInStackGroup, OutrankedBy = candidates[best[rival]].Coupon.Id };
        }

        // Tested where it would sit if added to the best combination.
        sequence.Run(problem.WithCandidate(best, candidate), stopAfter: candidate);
        var tested = sequence.Tested[candidate];
        var threshold = coupon.Terms.ThresholdCents;
        return tested < threshold
            ? dropped with { Reason = DropReason.ThresholdNotMet, EligibleSubtotal = Money.Yuan(tested), Shortfall = Money.Yuan(threshold - tested) }
            : dropped with { Reason = DropReason.NotInBestCombination, EligibleSubtotal = Money.Yuan(tested) };
    }
}
