namespace Conversational.Skills.Pricing;

/// <summary>
/// A cart and its coupons at one moment, prepared for the search: line amounts in cents after the activity step, and
/// the usable coupons (valid now, at least one eligible line) in application order with their eligible lines.
/// </summary>
internal sealed class PricingProblem
{
    private PricingProblem(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now)
    {
        Cart = cart;
        Coupons = coupons;
        Now = now;
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

        (Candidates, CandidateOf, GroupCount) = Prepare(cart, coupons, now, Units);
        CandidatesOfLine = Covering(cart.Count, Candidates);
    }

    public IReadOnlyList<CartLine> Cart { get; }

    /// <summary>All the coupons, as given.</summary>
    public IReadOnlyList<Coupon> Coupons { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Usable coupons in application order: store-issued by Id (ordinal), then platform-issued by Id.</summary>
    public Candidate[] Candidates { get; }

    /// <summary>For each of <see cref="Coupons"/>, its candidate index, or -1 when it is not usable.</summary>
    public int[] CandidateOf { get; }

    public int GroupCount { get; }

    public long[] ListCents { get; }

    public long[] AfterActivityCents { get; }

    /// <summary>Units per line; each unit must keep ¥0.01, so a line's amount never drops below its units in cents.</summary>
    public long[] Units { get; }

    /// <summary>For each line, the candidates (ascending) it is eligible for.</summary>
    public int[][] CandidatesOfLine { get; }

    public int LineCount => Cart.Count;

    public static PricingProblem Create(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now) =>
        new(cart, coupons, now);

    /// <summary>
    /// <paramref name="combination"/> (ascending) with <paramref name="candidate"/> in it, in place of the coupon of
    /// its stack group; ascending.
    /// </summary>
    public int[] WithCandidate(int[] combination, int candidate)
    {
        var group = Candidates[candidate].Group;
        var result = new List<int>(combination.Length + 1) { candidate };
        foreach (var c in combination)
        {
            if (Candidates[c].Group != group)
            {
                result.Add(c);
            }
        }

        result.Sort();
        return [.. result];
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

    private static (Candidate[] Candidates, int[] CandidateOf, int GroupCount) Prepare(
        IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now, long[] units)
    {
        var usable = new List<(int Index, int[] Lines)>(coupons.Count);
        Span<int> lines = cart.Count <= 256 ? stackalloc int[cart.Count] : new int[cart.Count];
        for (var index = 0; index < coupons.Count; index++)
        {
            if (!coupons[index].IsValidAt(now))
            {
                continue;
            }

            var count = 0;
            for (var line = 0; line < cart.Count; line++)
            {
                if (coupons[index].Covers(cart[line].Product))
                {
                    lines[count++] = line;
                }
            }

            if (count > 0)
            {
                usable.Add((index, lines[..count].ToArray()));
            }
        }

        // Application order: store-issued before platform-issued, each by Id (ordinal).
        usable.Sort((a, b) => coupons[a.Index].Issuer != coupons[b.Index].Issuer
            ? (coupons[a.Index].Issuer == CouponIssuer.Store ? -1 : 1)
            : string.CompareOrdinal(coupons[a.Index].Id, coupons[b.Index].Id));
        var byId = new int[usable.Count];
        for (var c = 0; c < byId.Length; c++)
        {
            byId[c] = c;
        }

        Array.Sort(byId, (a, b) => string.CompareOrdinal(coupons[usable[a].Index].Id, coupons[usable[b].Index].Id));
        var idRanks = new int[usable.Count];
        for (var rank = 0; rank < byId.Length; rank++)
        {
            idRanks[byId[rank]] = rank;
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new Candidate[usable.Count];
        var candidateOf = new int[coupons.Count];
        Array.Fill(candidateOf, -1);
        for (var c = 0; c < usable.Count; c++)
        {
            var (index, eligible) = usable[c];
            var coupon = coupons[index];
            if (!groups.TryGetValue(coupon.StackGroup, out var group))
            {
                group = groups[coupon.StackGroup] = groups.Count;
            }

            long eligibleUnits = 0;
            foreach (var line in eligible)
            {
                eligibleUnits += units[line];
            }

            candidates[c] = new Candidate(coupon, eligible, eligibleUnits, group, idRanks[c]);
            candidateOf[index] = c;
        }

        return (candidates, candidateOf, groups.Count);
    }

    private static int[][] Covering(int lineCount, Candidate[] candidates)
    {
        var counts = new int[lineCount];
        foreach (var candidate in candidates)
        {
            foreach (var line in candidate.Lines)
            {
                counts[line]++;
            }
        }

        var covering = new int[lineCount][];
        for (var line = 0; line < lineCount; line++)
        {
            covering[line] = new int[counts[line]];
            counts[line] = 0;
        }

        for (var c = 0; c < candidates.Length; c++)
        {
            foreach (var line in candidates[c].Lines)
            {
                covering[line][counts[line]++] = c;
            }
        }

        return covering;
    }
}

/// <summary>A usable coupon: its eligible lines (ascending), their units, its stack group's index and its Id's ordinal rank.</summary>
internal sealed record Candidate(Coupon Coupon, int[] Lines, long Units, int Group, int IdRank);
