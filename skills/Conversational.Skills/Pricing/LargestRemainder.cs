namespace Conversational.Skills.Pricing;

/// <summary>
/// Splits an amount of cents over weights by the largest-remainder method: each share is
/// floor(total × weight / Σweights), and the cents left over go one each to the largest remainders, equal remainders to
/// the lower index. The shares sum exactly to the total, and when total ≤ Σweights no share exceeds its weight.
/// </summary>
internal static class LargestRemainder
{
    public static void Split(long total, ReadOnlySpan<long> weights, Span<long> shares)
    {
        long sum = 0;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        if (sum <= 0 || total <= 0)
        {
            shares[..weights.Length].Clear();
            return;
        }

        var remainders = weights.Length <= 64 ? stackalloc long[weights.Length] : new long[weights.Length];
        var left = total;
        if (total <= (1L << 50) / sum)
        {
            // total × weight < 2^50: a double reciprocal gives the quotient to within one, and one correction makes it exact.
            var reciprocal = 1.0 / sum;
            for (var i = 0; i < weights.Length; i++)
            {
                var product = total * weights[i];
                var quotient = (long)(product * reciprocal);
                var remainder = product - (quotient * sum);
                if (remainder < 0)
                {
                    quotient--;
                    remainder += sum;
                }
                else if (remainder >= sum)
                {
                    quotient++;
                    remainder -= sum;
                }

                shares[i] = quotient;
                remainders[i] = remainder;
                left -= quotient;
            }
        }
        else
        {
            for (var i = 0; i < weights.Length; i++)
            {
                var (quotient, remainder) = Int128.DivRem((Int128)total * weights[i], sum);
                shares[i] = (long)quotient;
                remainders[i] = (long)remainder;
                left -= shares[i];
            }
        }

        if (left > 0)
        {
            GiveLeftoverCents(left, remainders, shares);
        }
    }

    // left < remainders.Length: one cent each to the left largest remainders, the lower index first among equals.
    private static void GiveLeftoverCents(long left, Span<long> remainders, Span<long> shares)
    {
        var order = remainders.Length <= 64 ? stackalloc int[remainders.Length] : new int[remainders.Length];
        for (var i = 0; i < order.Length; i++)
        {
            // Insertion sort, largest remainder first; stable, so equal remainders keep index order.
            var j = i;
            for (; j > 0 && remainders[order[j - 1]] < remainders[i]; j--)
            {
                order[j] = order[j - 1];
            }

            order[j] = i;
        }

        for (var k = 0; k < left; k++)
        {
            shares[order[k]]++;
        }
    }
}
