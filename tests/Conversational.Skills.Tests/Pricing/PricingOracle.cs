using Conversational.Skills.Pricing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>
/// The documented pricing rules, written again the slow and obvious way and sharing no code with the calculator:
/// try every subset of the coupons valid now, reject those with two coupons of one stack group or with a coupon that
/// gives nothing at its place (the same subset without it is tried too and wins the tie), apply the rest in the
/// documented order, and keep the best by saving, then fewer coupons, then smaller ordinal-sorted ids. Money is decimal
/// yuan; shares are split by largest remainder on whole-cent integers held in decimals.
/// </summary>
internal static class PricingOracle
{
    public sealed record Result(
        decimal FinalTotal, decimal Saving, IReadOnlyList<string> CouponIds, IReadOnlyList<decimal> LineDiscounts, NextThresholdHint? Hint);

    private sealed record Applied(decimal Saving, decimal[] LineDiscounts, Dictionary<Coupon, decimal> Tested, bool EveryCouponGave);

    public static Result Quote(IReadOnlyList<CartLine> cart, IReadOnlyList<Coupon> coupons, DateTimeOffset now)
    {
        var prices = cart.Select(line => UnitPrice(line.Product, now) * line.Quantity).ToArray();
        var ordered = coupons
            .Where(coupon => coupon.ValidFrom <= now && now < coupon.ValidUntil)
            .OrderBy(coupon => coupon.Issuer == CouponIssuer.Store ? 0 : 1)
            .ThenBy(coupon => coupon.Id, StringComparer.Ordinal)
            .ToList();

        List<Coupon> best = [];
        var bestApplied = Apply(cart, prices, best);
        for (var mask = 1; mask < 1 << ordered.Count; mask++)
        {
            var subset = ordered.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (subset.Select(coupon => coupon.StackGroup).Distinct(StringComparer.Ordinal).Count() < subset.Count)
            {
                continue;
            }

            var applied = Apply(cart, prices, subset);
            if (applied.EveryCouponGave && Beats(applied.Saving, subset, bestApplied.Saving, best))
            {
                best = subset;
                bestApplied = applied;
            }
        }

        return new Result(
            prices.Sum() - bestApplied.Saving,
            bestApplied.Saving,
            [.. best.Select(coupon => coupon.Id)],
            bestApplied.LineDiscounts,
            Hint(cart, prices, ordered, best, bestApplied.Saving));
    }

    private static decimal UnitPrice(Product product, DateTimeOffset now) =>
        product.ActivityPrice is { } activity && activity.Starts <= now && now < activity.Ends ? activity.Price : product.ListPrice;

    private static bool Covers(Coupon coupon, Product product) => coupon.Scope switch
    {
        CouponScope.PlatformWide => true,
        CouponScope.Store => product.StoreId == coupon.StoreId,
        CouponScope.Category => product.Category == coupon.Category && (coupon.StoreId is null || product.StoreId == coupon.StoreId),
        CouponScope.Skus => coupon.Skus!.Contains(product.Sku) && (coupon.StoreId is null || product.StoreId == coupon.StoreId),
        _ => throw new InvalidOperationException(),
    };

    private static decimal TermsDiscount(CouponTerms terms, decimal subtotal) => terms switch
    {
        ThresholdTerms t => subtotal >= t.Threshold ? t.Amount : 0m,
        SteppedTerms s => Math.Min(Math.Floor(subtotal / s.Step) * s.Amount, s.Cap ?? decimal.MaxValue),
        PercentOffTerms p => Math.Min(Math.Round(subtotal * p.PercentOff / 100m, 2, MidpointRounding.ToZero), p.MaxDiscount),
        NoThresholdTerms n => n.Amount,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Applies the coupons in order; an optional extra unit priced <paramref name="extra"/> is covered only by <paramref name="extraFor"/>.</summary>
    private static Applied Apply(IReadOnlyList<CartLine> cart, decimal[] prices, List<Coupon> coupons, Coupon? extraFor = null, decimal extra = 0m)
    {
        var amounts = extraFor is null ? [.. prices] : prices.Append(extra).ToArray();
        var units = cart.Select(line => (decimal)line.Quantity).Append(1m).ToArray();
        var discounts = new decimal[amounts.Length];
        var tested = new Dictionary<Coupon, decimal>();
        var saving = 0m;
        var everyCouponGave = true;
        foreach (var coupon in coupons.OrderBy(coupon => coupon.Issuer == CouponIssuer.Store ? 0 : 1).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var eligible = Enumerable.Range(0, cart.Count).Where(i => Covers(coupon, cart[i].Product)).ToList();
            if (coupon == extraFor)
            {
                eligible.Add(cart.Count);
            }

            var subtotal = eligible.Sum(i => amounts[i]);
            var floor = eligible.Sum(i => units[i]) * 0.01m;
            tested[coupon] = subtotal;
            var discount = Math.Min(TermsDiscount(coupon.Terms, subtotal), subtotal - floor);
            if (discount <= 0m)
            {
                everyCouponGave = false;
                continue;
            }

            var shares = SplitInCents(discount, [.. eligible.Select(i => amounts[i] - units[i] * 0.01m)]);
            for (var k = 0; k < eligible.Count; k++)
            {
                amounts[eligible[k]] -= shares[k];
                discounts[eligible[k]] += shares[k];
            }

            saving += discount;
        }

        return new Applied(saving, discounts, tested, everyCouponGave);
    }

    private static decimal[] SplitInCents(decimal amount, decimal[] weights)
    {
        var total = amount * 100m;
        var cents = weights.Select(weight => weight * 100m).ToArray();
        var sum = cents.Sum();
        var floors = cents.Select(weight => decimal.Floor(total * weight / sum)).ToArray();
        var remainders = cents.Select((weight, i) => total * weight - floors[i] * sum).ToArray();
        var extra = (int)(total - floors.Sum());
        foreach (var i in Enumerable.Range(0, cents.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(extra))
        {
            floors[i]++;
        }

        return [.. floors.Select(share => share / 100m)];
    }

    private static bool Beats(decimal saving, List<Coupon> subset, decimal bestSaving, List<Coupon> best)
    {
        if (saving != bestSaving)
        {
            return saving > bestSaving;
        }

        if (subset.Count != best.Count)
        {
            return subset.Count < best.Count;
        }

        var mine = subset.Select(coupon => coupon.Id).Order(StringComparer.Ordinal).ToList();
        var theirs = best.Select(coupon => coupon.Id).Order(StringComparer.Ordinal).ToList();
        var differ = mine.Zip(theirs).FirstOrDefault(pair => pair.First != pair.Second);
        return differ != default && string.CompareOrdinal(differ.First, differ.Second) < 0;
    }

    // As documented on the calculator: each coupon that already covers an item, added to the best combination in place of
    // its stack group's coupon, with one extra unit only it covers, priced up to its next threshold.
    private static NextThresholdHint? Hint(IReadOnlyList<CartLine> cart, decimal[] prices, List<Coupon> valid, List<Coupon> best, decimal bestSaving)
    {
        NextThresholdHint? hint = null;
        foreach (var coupon in valid.Where(coupon => cart.Any(line => Covers(coupon, line.Product))))
        {
            var combination = best.Where(other => other.StackGroup != coupon.StackGroup).Append(coupon).ToList();
            var subtotal = Apply(cart, prices, combination).Tested[coupon];
            decimal? target = coupon.Terms switch
            {
                ThresholdTerms t when subtotal < t.Threshold => t.Threshold,
                SteppedTerms s when s.Cap is not { } cap || Math.Floor(subtotal / s.Step) * s.Amount < cap =>
                    (Math.Floor(subtotal / s.Step) + 1) * s.Step,
                _ => null,
            };
            if (target is null)
            {
                continue;
            }

            var spend = target.Value - subtotal;
            var more = Apply(cart, prices, combination, coupon, spend).Saving - bestSaving;
            var better = hint is null || spend < hint.ExtraSpend || (spend == hint.ExtraSpend && more > hint.ExtraSaving)
                || (spend == hint.ExtraSpend && more == hint.ExtraSaving && string.CompareOrdinal(coupon.Id, hint.CouponId) < 0);
            if (more > 0m && better)
            {
                hint = new NextThresholdHint(coupon.Id, coupon.Name, coupon.NameEn, spend, more);
            }
        }

        return hint;
    }
}
