namespace Conversational.Skills.Installments;

/// <summary>
/// Bill-installment plans in the usual Chinese scheme: the principal is repaid in equal monthly parts and a fee is charged every
/// month on the original amount (not on the remaining balance), which is why the annualized rate is nearly twice 12 × the fee rate.
/// </summary>
/// <remarks>
/// Rounding, all in yuan to the cent:
/// <list type="bullet">
/// <item>principal per period = amount ÷ periods truncated to the cent; the leftover cents go into period 1, so the principals
/// always add up to the amount exactly;</item>
/// <item>fee per period = amount × rate rounded to the cent half away from zero (四舍五入), the same every period;
/// total fee = fee per period × periods;</item>
/// <item>annualized rate = the schedule's monthly IRR × 12, rounded half away from zero to 4 decimals of a fraction.</item>
/// </list>
/// Worked by hand:
/// <list type="bullet">
/// <item>¥12,000 over 12 at 0.60 %: principal 1,000.00, fee 72.00, payment 1,072.00, total fee 864.00. The IRR solves
/// 12,000 = 1,072 × a(12, r): a = 11.194, r ≈ 1.0862 % a month, annualized 13.03 % (against a nominal 7.2 %).</item>
/// <item>¥3,000 over 3 at 0.75 %: principal 1,000.00, fee 22.50, payment 1,022.50, total fee 67.50; r ≈ 1.1208 % solves
/// 3,000 = 1,022.50 × a(3, r) (a = 2.934), annualized 13.45 %.</item>
/// <item>¥24,000 over 24 at 0.60 %: principal 1,000.00, fee 144.00, payment 1,144.00, total fee 3,456.00; r ≈ 1.1055 %
/// (a(24, r) = 20.979), annualized 13.27 %.</item>
/// <item>¥10,000 over 6 at 0.70 %: 10,000 ÷ 6 = 1,666.666… → 1,666.66 a period and 1,666.70 in period 1; fee 70.00.</item>
/// </list>
/// </remarks>
public static class InstallmentCalculator
{
    /// <summary>Months per year: the annualized rate is the monthly IRR times this (a nominal, not compounded, rate).</summary>
    public const int PeriodsPerYear = 12;

    /// <summary>Computes the plan, its schedule and its annualized rate.</summary>
    /// <param name="amount">Yuan to install, positive, in whole cents.</param>
    /// <param name="periods">Monthly periods, positive.</param>
    /// <param name="feeRatePerPeriod">Fee per period as a fraction of <paramref name="amount"/>, at least 0 and below 1.</param>
    public static InstallmentPlan Plan(decimal amount, int periods, decimal feeRatePerPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Cents.ThrowIfNotWhole(amount, nameof(amount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periods);
        if (!InstallmentProductTable.IsRate(feeRatePerPeriod))
        {
            throw new ArgumentOutOfRangeException(nameof(feeRatePerPeriod), feeRatePerPeriod,
                "A fee rate must be at least 0 and less than 1.");
        }

        var principal = Cents.Truncate(amount / periods);
        var firstPrincipal = amount - principal * (periods - 1);
        var fee = Cents.Round(amount * feeRatePerPeriod);

        var schedule = new InstallmentScheduleRow[periods];
        var remaining = amount;
        for (var period = 1; period <= periods; period++)
        {
            var thisPrincipal = period == 1 ? firstPrincipal : principal;
            remaining -= thisPrincipal;
            schedule[period - 1] = new InstallmentScheduleRow(period, thisPrincipal, fee, thisPrincipal + fee, remaining);
        }

        var monthlyRate = InternalRateOfReturn.Solve(amount, [.. schedule.Select(r => r.Payment)]);
        var annualizedRate = Math.Round((decimal)(monthlyRate * PeriodsPerYear), 4, MidpointRounding.AwayFromZero);
        var totalFee = fee * periods;
        return new InstallmentPlan(amount, periods, feeRatePerPeriod, firstPrincipal, principal, fee, totalFee, amount + totalFee,
            annualizedRate, schedule);
    }

    /// <summary>The plan for one row of the product table.</summary>
    public static InstallmentPlan Plan(decimal amount, InstallmentOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return Plan(amount, offer.Periods, offer.FeeRatePerPeriod);
    }

    /// <summary>One plan per offer in the table, shortest first: the choices the bot shows.</summary>
    public static IReadOnlyList<InstallmentPlan> Plans(decimal amount, InstallmentProductTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Offers.OrderBy(o => o.Periods).Select(o => Plan(amount, o))];
    }
}
