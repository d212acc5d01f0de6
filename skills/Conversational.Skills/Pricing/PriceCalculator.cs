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

        var steps = ActivitySteps(problem).ToList();
        steps.AddRange(best.Select(c => CouponStep(problem.Candidates[c].Coupon, sequence.Tested[c], sequence.Discounts[c])));

        var lines = new QuoteLine[cart.Count];
        for (var line = 0; line < cart.Count; line++)
        {
            var after = problem.AfterActivityCents[line];
            var discount = sequence.LineDiscounts[line];
            lines[line] = new QuoteLine(cart[line].Product.Sku, cart[line].Size, cart[line].Quantity,
                Money.Yuan(problem.ListCents[line]), Money.Yuan(after), Money.Yuan(discount), Money.Yuan(after - discount));
        }

        // Explaining what was left out reruns the sequence, so it comes after the steps and lines have been read.
        var dropped = DroppedActivities(problem).Concat(DroppedOffers.Coupons(problem, sequence, coupons, best)).ToList();
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

        var duplicate = coupons.GroupBy(coupon => coupon.Id, StringComparer.Ordinal).FirstOrDefault(ids => ids.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Coupon id {duplicate.Key} appears {duplicate.Count()} times; ids must be unique.", nameof(coupons));
        }
    }

    private static IEnumerable<IGrouping<string, int>> LinesBySku(PricingProblem problem) =>
        Enumerable.Range(0, problem.LineCount).GroupBy(line => problem.Cart[line].Product.Sku, StringComparer.Ordinal);

    private static IEnumerable<PriceStep> ActivitySteps(PricingProblem problem) =>
        from lines in LinesBySku(problem)
        let activity = problem.Cart[lines.First()].Product.ActivityPrice
        where activity is not null && activity.IsActiveAt(problem.Now)
        let list = lines.Sum(line => problem.ListCents[line])
        select new PriceStep(OfferKind.Activity, lines.Key, activity.Name, activity.NameEn, Money.Yuan(list),
            Money.Yuan(list - lines.Sum(line => problem.AfterActivityCents[line])));

    private static IEnumerable<DroppedOffer> DroppedActivities(PricingProblem problem) =>
        from lines in LinesBySku(problem)
        let activity = problem.Cart[lines.First()].Product.ActivityPrice
        where activity is not null && !activity.IsActiveAt(problem.Now)
        select problem.Now < activity.Starts
            ? new DroppedOffer(OfferKind.Activity, lines.Key, activity.Name, activity.NameEn, DropReason.NotStarted, activity.Starts)
            : new DroppedOffer(OfferKind.Activity, lines.Key, activity.Name, activity.NameEn, DropReason.Expired, activity.Ends);

    private static PriceStep CouponStep(Coupon coupon, long tested, long discount) =>
        new(OfferKind.Coupon, coupon.Id, coupon.Name, coupon.NameEn, Money.Yuan(tested), Money.Yuan(discount));
}
