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

        CandidatesOfLine = new int[cart.Count][];
        for (var line = 0; line < cart.Count; line++)
        {
            CandidatesOfLine[line] = [.. Enumerable.Range(0, candidates.Length).Where(c => candidates[c].Lines.Contains(line))];
        }
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
        var usable = coupons
            .Where(coupon => coupon.IsValidAt(now))
            .Select(coupon => (coupon, lines: Enumerable.Range(0, cart.Count).Where(line => coupon.Covers(cart[line].Product)).ToArray()))
            .Where(usable => usable.lines.Length > 0)
            .OrderBy(usable => usable.coupon.Issuer == CouponIssuer.Store ? 0 : 1)
            .ThenBy(usable => usable.coupon.Id, StringComparer.Ordinal)
            .ToArray();
        var idRanks = usable
            .Select((u, index) => (u.coupon.Id, index))
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .Select((u, rank) => (u.index, rank))
            .OrderBy(u => u.index)
            .Select(u => u.rank)
            .ToArray();
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new Candidate[usable.Length];
        for (var c = 0; c < usable.Length; c++)
        {
            var (coupon, lines) = usable[c];
            if (!groups.TryGetValue(coupon.StackGroup, out var group))
            {
                group = groups[coupon.StackGroup] = groups.Count;
            }

            candidates[c] = new Candidate(coupon, lines, lines.Sum(line => (long)cart[line].Quantity), group, idRanks[c]);
        }

        return new PricingProblem(cart, now, candidates, groups.Count);
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
