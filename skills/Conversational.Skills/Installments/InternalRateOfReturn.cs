namespace Conversational.Skills.Installments;

/// <summary>
/// The periodic internal rate of return of a loan: the rate r with amount = Σ payment_k / (1 + r)^k, payments at the end of
/// periods 1..n. Solved in <see cref="double"/> by Newton's method kept inside a bracket that always holds the root; a step that
/// would leave the bracket is replaced by bisection, so it converges for any positive payments. The result is good to about
/// 1e-13 relative, far below the 4 decimals the annualized rate is rounded to.
/// </summary>
internal static class InternalRateOfReturn
{
    private const double RelativeTolerance = 1e-13;
    private const int MaxIterations = 200;

    public static double Solve(decimal amount, IReadOnlyList<decimal> payments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentOutOfRangeException.ThrowIfZero(payments.Count);
        var surplus = payments.Sum() - amount;
        if (surplus == 0m)
        {
            return 0.0;
        }

        var loan = (double)amount;
        var flows = payments.Select(p => (double)p).ToArray();

        // NPV(r) = Σ payment_k / (1 + r)^k − amount falls as r rises, and NPV(0) = surplus: the root is above 0 exactly when the
        // payments exceed the amount. Widen the other end until the sign changes.
        double low, high;
        if (surplus > 0m)
        {
            (low, high) = (0.0, 1.0);
            while (Npv(loan, flows, high).Value > 0.0)
            {
                high *= 2.0;
            }
        }
        else
        {
            (low, high) = (-0.5, 0.0);
            while (Npv(loan, flows, low).Value < 0.0)
            {
                low = (low - 1.0) / 2.0;
            }
        }

        // Simple-interest guess: the surplus spread over the average life of the principal, about (n + 1) / 2 periods.
        var rate = Math.Clamp((double)surplus / loan * 2.0 / (flows.Length + 1), low, high);
        for (var i = 0; i < MaxIterations; i++)
        {
            var (value, slope) = Npv(loan, flows, rate);
            if (value == 0.0)
            {
                return rate;
            }

            if (value > 0.0)
            {
                low = rate;
            }
            else
            {
                high = rate;
            }

            var next = rate - value / slope;
            if (!(next > low && next < high))
            {
                next = low + (high - low) / 2.0;
            }

            if (Math.Abs(next - rate) <= RelativeTolerance * (1.0 + Math.Abs(rate)))
            {
                return next;
            }

            rate = next;
        }

        return low + (high - low) / 2.0;
    }

    /// <returns>NPV at <paramref name="rate"/> and its derivative with respect to the rate.</returns>
    private static (double Value, double Slope) Npv(double loan, double[] flows, double rate)
    {
        var value = -loan;
        var slope = 0.0;
        var discount = 1.0;
        for (var k = 1; k <= flows.Length; k++)
        {
            discount /= 1.0 + rate;
            value += flows[k - 1] * discount;
            slope -= k * flows[k - 1] * discount / (1.0 + rate);
        }

        return (value, slope);
    }
}
