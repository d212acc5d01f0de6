namespace Conversational.Skills.Tests.Installments;

/// <summary>
/// An independent model of the documented installment rules, sharing no code with production: whole cents as integers,
/// and the IRR by plain bisection on the NPV.
/// </summary>
internal static class InstallmentOracle
{
    public sealed record Row(long PrincipalCents, long FeeCents, long RemainingCents);

    public static IReadOnlyList<Row> Schedule(long amountCents, int periods, decimal rate)
    {
        var regular = amountCents / periods;
        var first = regular + amountCents % periods;
        var fee = FeeCents(amountCents, rate);
        var rows = new List<Row>();
        var remaining = amountCents;
        for (var k = 0; k < periods; k++)
        {
            var principal = k == 0 ? first : regular;
            remaining -= principal;
            rows.Add(new Row(principal, fee, remaining));
        }

        return rows;
    }

    /// <summary>amount × rate in cents, half a cent or more rounds up (all values here are positive).</summary>
    public static long FeeCents(long amountCents, decimal rate)
    {
        var exact = amountCents * rate;
        var whole = (long)decimal.Floor(exact);
        return exact - whole >= 0.5m ? whole + 1 : whole;
    }

    /// <summary>The monthly rate r with amount = Σ payment_k / (1 + r)^k, by 200 halvings of [0, 1].</summary>
    public static double MonthlyIrr(long amountCents, IEnumerable<long> paymentCents)
    {
        var payments = paymentCents.Select(p => (double)p).ToArray();
        double Npv(double r)
        {
            var sum = -(double)amountCents;
            for (var k = 0; k < payments.Length; k++)
            {
                sum += payments[k] / Math.Pow(1 + r, k + 1);
            }

            return sum;
        }

        var (low, high) = (0.0, 1.0);
        for (var i = 0; i < 200; i++)
        {
            var mid = (low + high) / 2;
            if (Npv(mid) > 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
