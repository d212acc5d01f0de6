namespace Conversational.Skills.Pricing;

/// <summary>
/// A cart and its coupons at one moment, prepared for the search: line amounts in cents after the activity step, and
/// the usable coupons (valid now, at least one eligible line) in application order with their eligible lines.
/// </summary>
internal sealed class PricingProblem
{
    private PricingProblem(IReadOnlyList<CartLine> cart, DateTimeOffset now, Candidate[] candidates, int groupCount)
    {
        Cart = cart;
        Now = now;
        Candidates = candidates;
        GroupCount = groupCount;
        ListCents = new long[cart.Count];
        AfterActivityCents = new long[cart.Count];
        Units = new long[cart.Count];
        for (var line = 0; line < cart.Count; line++)
        {
            var product = cart[line].Product;
            var unitPrice = product.ActivityPrice is { } activity && activity.IsActiveAt(now) ? activity.Price : product.ListPrice;
            Units[line] = cart[line].Quantity;
            ListCents[line] = Money.Cents(product.ListPrice) * Units[line];
            AfterActivityCents[line] = Money.Cents(unitPrice) * Units[line];
        }

        var covering = new List<int>[cart.Count];
        for (var line = 0; line < cart.Count; line++)
        {
            covering[line] = [];
        }

        for (var c = 0; c < candidates.Length; c++)
        {
            foreach (var line in candidates[c].Lines)
            {
                covering[line].Add(c);
            }
        }

        CandidatesOfLine = [.. covering.Select(list => list.ToArray())];
    }

    public IReadOnlyList<CartLine> Cart { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Usable coupons in application order: store-issued by Id (ordinal), then platform-issued by Id.</summary>
    public Candidate[] Candidates { get; }

    public int GroupCount { get; }

    public long[] ListCents { get; }

    public long[] AfterActivityCents { get; }

    /// <summary>Units per line; each unit must keep ¥0.01, so a line's amount never drops below its units in cents.</summary>
    public long[] Units { get; }

    /// <summary>For each line, the candidates (ascending) it is eligible for.</summary>
    public int[][] CandidatesOfLine { get; }

    public int LineCount => Cart.Count;

    public static PricingProblem Create(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now)
    {
        var usable = new List<(Coupon Coupon, int[] Lines)>(coupons.Count);
        var lines = new List<int>(cart.Count);
        foreach (var coupon in coupons)
        {
            if (!coupon.IsValidAt(now))
            {
                continue;
            }

            lines.Clear();
            for (var line = 0; line < cart.Count; line++)
            {
                if (coupon.Covers(cart[line].Product))
                {
                    lines.Add(line);
                }
            }

            if (lines.Count > 0)
            {
                usable.Add((coupon, [.. lines]));
            }
        }

        // Application order: store-issued before platform-issued, each by Id (ordinal).
        usable.Sort((a, b) => a.Coupon.Issuer != b.Coupon.Issuer
            ? (a.Coupon.Issuer == CouponIssuer.Store ? -1 : 1)
            : string.CompareOrdinal(a.Coupon.Id, b.Coupon.Id));
        var byId = Enumerable.Range(0, usable.Count).ToArray();
        Array.Sort(byId, (a, b) => string.CompareOrdinal(usable[a].Coupon.Id, usable[b].Coupon.Id));
        var idRanks = new int[usable.Count];
        for (var rank = 0; rank < byId.Length; rank++)
        {
            idRanks[byId[rank]] = rank;
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new Candidate[usable.Count];
        for (var c = 0; c < usable.Count; c++)
        {
            var (coupon, eligible) = usable[c];
            if (!groups.TryGetValue(coupon.StackGroup, out var group))
            {
                group = groups[coupon.StackGroup] = groups.Count;
            }

            long units = 0;
            foreach (var line in eligible)
            {
                units += cart[line].Quantity;
            }

            candidates[c] = new Candidate(coupon, eligible, units, group, idRanks[c]);
        }

        return new PricingProblem(cart, now, candidates, groups.Count);
    }

    /// <summary>
    /// <paramref name="combination"/> (ascending) with <paramref name="candidate"/> in it, in place of the coupon of
    /// its stack group; ascending.
    /// </summary>
    public int[] WithCandidate(int[] combination, int candidate)
    {
        var group = Candidates[candidate].Group;
        return [.. combination.Where(c => Candidates[c].Group != group).Append(candidate).Order()];
    }

    /// <summary>
    /// What <paramref name="candidate"/> takes off an eligible subtotal of <paramref name="subtotal"/> cents: its terms'
    /// discount (0 below the threshold), at most the subtotal minus ¥0.01 per eligible unit.
    /// </summary>
    public long Discount(int candidate, long subtotal)
    {
        var c = Candidates[candidate];
        return Math.Min(c.Coupon.Terms.DiscountCents(subtotal), subtotal - c.Units);
    }
}

/// <summary>A usable coupon: its eligible lines (ascending), their units, its stack group's index and its Id's ordinal rank.</summary>
internal sealed record Candidate(Coupon Coupon, int[] Lines, long Units, int Group, int IdRank);
