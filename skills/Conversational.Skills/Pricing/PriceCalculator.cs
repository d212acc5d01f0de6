namespace Conversational.Skills.Pricing;

/// <summary>
/// The price after coupons (到手价) of a cart: a pure function of the cart, the customer's coupons and the moment.
/// Rules and rounding are in <c>Pricing/README.md</c>; in short: activity price (while Starts ≤ now &lt; Ends), then
/// store coupons, then platform coupons, each by Id (ordinal), each threshold tested on its eligible subtotal after all
/// earlier steps; at most one coupon per stack group; no item below ¥0.01 a unit; the combination with the largest
/// saving wins, ties to fewer coupons, then to the smaller ordinal-sorted ids.
/// </summary>
public static class PriceCalculator
{
    /// <summary>
    /// Quotes <paramref name="cart"/> with the best legal combination of <paramref name="coupons"/> at
    /// <paramref name="now"/>. Throws <see cref="ArgumentException"/> for an empty cart, a null line or coupon, or two
    /// coupons with the same Id (records check their own fields when constructed).
    /// </summary>
    public static PriceQuote Quote(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now)
    {
        Validate(cart, coupons);
        var problem = PricingProblem.Create(cart, coupons, now);
        var best = CouponSearch.FindBest(problem);
        var sequence = new CouponSequence(problem);
        sequence.Run(best);
        var saving = sequence.Saving;

        var (steps, dropped) = Activities(problem);
        foreach (var c in best)
        {
            var coupon = problem.Candidates[c].Coupon;
            steps.Add(new PriceStep(OfferKind.Coupon, coupon.Id, coupon.Name, coupon.NameEn,
                Money.Yuan(sequence.Tested[c]), Money.Yuan(sequence.Discounts[c])));
        }

        var lines = new QuoteLine[cart.Count];
        for (var line = 0; line < cart.Count; line++)
        {
            var after = problem.AfterActivityCents[line];
            var discount = sequence.LineDiscounts[line];
            lines[line] = new QuoteLine(cart[line].Product.Sku, cart[line].Size, cart[line].Quantity,
                Money.Yuan(problem.ListCents[line]), Money.Yuan(after), Money.Yuan(discount), Money.Yuan(after - discount));
        }

        // Explaining what was left out reruns the sequence, so it comes after the steps and lines have been read.
        dropped.AddRange(DroppedOffers.Coupons(problem, sequence, best));
        var hint = NextThreshold.Find(problem, sequence, best, saving);
        var listTotal = problem.ListCents.Sum();
        var afterActivity = problem.AfterActivityCents.Sum();
        var finalTotal = afterActivity - saving;
        return new PriceQuote(
            Money.Yuan(listTotal),
            Money.Yuan(afterActivity),
            Money.Yuan(finalTotal),
            Money.Yuan(listTotal - finalTotal),
            steps,
            [.. best.Select(c => problem.Candidates[c].Coupon)],
            dropped,
            lines,
            hint);
    }

    private static void Validate(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(coupons);
        if (cart.Count == 0)
        {
            throw new ArgumentException("The cart is empty: a quote needs at least one line.", nameof(cart));
        }

        if (cart.Any(line => line is null))
        {
            throw new ArgumentException("The cart has a null line.", nameof(cart));
        }

        if (coupons.Any(coupon => coupon is null))
        {
            throw new ArgumentException("The coupons include a null.", nameof(coupons));
        }

        var ids = new HashSet<string>(coupons.Count, StringComparer.Ordinal);
        foreach (var coupon in coupons)
        {
            if (!ids.Add(coupon.Id))
            {
                throw new ArgumentException($"Coupon id {coupon.Id} appears more than once; ids must be unique.", nameof(coupons));
            }
        }
    }

    /// <summary>One activity step or drop per SKU that has an activity price, in the order the SKUs first appear.</summary>
    private static (List<PriceStep> Steps, List<DroppedOffer> Dropped) Activities(PricingProblem problem)
    {
        var steps = new List<PriceStep>();
        var dropped = new List<DroppedOffer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var line = 0; line < problem.LineCount; line++)
        {
            var product = problem.Cart[line].Product;
            if (product.ActivityPrice is not { } activity || !seen.Add(product.Sku))
            {
                continue;
            }

            if (!activity.IsActiveAt(problem.Now))
            {
                var (reason, date) = problem.Now < activity.Starts
                    ? (DropReason.NotStarted, activity.Starts)
                    : (DropReason.Expired, activity.Ends);
                dropped.Add(new DroppedOffer(OfferKind.Activity, product.Sku, activity.Name, activity.NameEn, reason, date));
                continue;
            }

            long list = 0, after = 0;
            for (var same = line; same < problem.LineCount; same++)
            {
                if (string.Equals(problem.Cart[same].Product.Sku, product.Sku, StringComparison.Ordinal))
                {
                    list += problem.ListCents[same];
                    after += problem.AfterActivityCents[same];
                }
            }

            steps.Add(new PriceStep(OfferKind.Activity, product.Sku, activity.Name, activity.NameEn, Money.Yuan(list), Money.Yuan(list - after)));
        }

        return (steps, dropped);
    }
}
