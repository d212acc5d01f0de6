using Conversational.Skills.Pricing;

namespace Conversational.Skills.Tests.Pricing;

public sealed class LargestRemainderTests
{
    [Fact]
    public void Leftover_cents_go_to_the_largest_remainders_then_the_lower_index()
    {
        var shares = new long[4];

        LargestRemainder.Split(10, [1, 1, 1, 2], shares);

        Assert.Equal([2, 2, 2, 4], shares);
        LargestRemainder.Split(7, [3, 3, 1], shares);
        Assert.Equal([3, 3, 1], shares[..3]);
        LargestRemainder.Split(2, [1, 1, 1], shares);
        Assert.Equal([1, 1, 0], shares[..3]);
    }

    [Fact]
    public void Split_equals_exact_integer_arithmetic_on_random_weights()
    {
        var random = new Random(20261123);
        for (var n = 0; n < 50_000; n++)
        {
            var weights = new long[random.Next(1, 31)];
            var scale = random.Next(3) switch { 0 => 100L, 1 => 10_000_000L, _ => 1L << 40 };
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = random.NextInt64(0, scale);
            }

            var sum = weights.Sum();
            var total = sum == 0 ? 0 : random.NextInt64(0, sum + 1);
            var shares = new long[weights.Length];

            LargestRemainder.Split(total, weights, shares);

            Assert.Equal(Reference(total, weights), shares);
        }
    }

    // Largest remainder in decimal integers: floors, then one cent each by remainder (descending), index (ascending).
    private static long[] Reference(long total, long[] weights)
    {
        decimal sum = weights.Sum();
        if (sum == 0 || total == 0)
        {
            return new long[weights.Length];
        }

        var floors = weights.Select(weight => decimal.Floor((decimal)total * weight / sum)).ToArray();
        var remainders = weights.Select((weight, i) => ((decimal)total * weight) - (floors[i] * sum)).ToArray();
        var left = (int)(total - floors.Sum());
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            floors[i]++;
        }

        return [.. floors.Select(share => (long)share)];
    }
}
