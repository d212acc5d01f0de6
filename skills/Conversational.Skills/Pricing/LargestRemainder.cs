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
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)total * weights[i];
            shares[i] = (long)(exact / sum);
            remainders[i] = (long)(exact % sum);
            left -= shares[i];
        }

        // left < weights.Length, so this runs at most once per line.
        for (; left > 0; left--)
        {
            var largest = 0;
            for (var i = 1; i < remainders.Length; i++)
            {
                if (remainders[i] > remainders[largest])
                {
                    largest = i;
                }
            }

            shares[largest]++;
            remainders[largest] = -1;
        }
    }
}
