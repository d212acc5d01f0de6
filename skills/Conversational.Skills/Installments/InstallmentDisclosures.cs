namespace Conversational.Skills.Installments;

/// <summary>
/// What must be said before a customer confirms an installment: the three mandatory disclosures and the plan's annualized rate.
/// The ids are stable; the dialog records them as events.
/// </summary>
public static class InstallmentDisclosures
{
    public const string FixedAfterSuccessId = "fixed-after-success";
    public const string OccupiesCreditLimitId = "occupies-credit-limit";
    public const string EarlyPayoffFeeId = "early-payoff-fee";
    public const string AnnualizedRateId = "annualized-rate";

    /// <summary>Periods and amount are fixed after success; the whole amount occupies the credit limit; early payoff costs the
    /// table's fee on the remaining principal.</summary>
    public static IReadOnlyList<InstallmentDisclosure> Mandatory(InstallmentProductTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rate = InstallmentText.Rate(table.EarlyPayoffFeeRate);
        return
        [
            new(FixedAfterSuccessId,
                "分期成功后，期数和金额不能修改。",
                "Once the installment goes through, its periods and amount can't be changed."),
            new(OccupiesCreditLimitId,
                "分期金额将全额占用您的信用额度。",
                "The whole installment amount counts against your credit limit."),
            new(EarlyPayoffFeeId,
                $"提前还清需按剩余本金的{rate}一次性收取手续费。",
                $"Paying off early costs a one-time fee of {rate} of the remaining principal."),
        ];
    }

    /// <summary>The plan's fees and its IRR-based annualized rate, which Chinese regulation requires to be shown.</summary>
    public static InstallmentDisclosure AnnualizedRate(InstallmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fee = InstallmentText.Money(plan.FeePerPeriod);
        var total = InstallmentText.Money(plan.TotalFee);
        var rate = InstallmentText.AnnualizedRate(plan.AnnualizedRate);
        return new(AnnualizedRateId,
            $"分{plan.Periods}期，每期手续费{fee}，共{total}，折合年化利率（IRR）{rate}。",
            $"{plan.Periods} periods at {fee} a period, {total} in fees; annualized rate (IRR) {rate}.");
    }
}
