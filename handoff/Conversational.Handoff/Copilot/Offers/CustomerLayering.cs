using System.Globalization;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// 客户分层: places a customer in a <see cref="CustomerLayers">layer</see> from spending behaviour and past service, with
/// points anyone can recompute by hand, and the reasons behind them (<see cref="LayerReasons"/> codes with the value and points).
/// </summary>
/// <remarks>
/// Points: spend in the last 12 months ≥ ¥50,000 → 40, ≥ ¥20,000 → 30, ≥ ¥5,000 → 15, ≥ ¥1,000 → 5; orders in the last
/// 12 months ≥ 24 → 15, ≥ 12 → 10, ≥ 4 → 5; 3 per VIP level (0–10); tier platinum 15, gold 10; 5 per installment plan
/// held, at most 10; ≥ 6 contacts with service in 90 days −10 (a customer busy with problems is not in a mood to buy).
/// Score ≥ 60 → high_value, ≥ 25 → growth, else mass. Any complaint in the last 90 days → care, whatever the score: the
/// relationship needs repair before anything is sold.
/// </remarks>
public static class CustomerLayering
{
    public const int HighValueFrom = 60;
    public const int GrowthFrom = 25;

    private const int PointsPerVipLevel = 3;
    private const int PointsPerInstallmentPlan = 5;
    private const int MostInstallmentPoints = 10;
    private const int ManyContacts = 6;
    private const int ManyContactsPoints = -10;

    private static readonly (decimal From, int Points)[] SpendBands = [(50_000m, 40), (20_000m, 30), (5_000m, 15), (1_000m, 5)];
    private static readonly (decimal From, int Points)[] OrderBands = [(24, 15), (12, 10), (4, 5)];

    private static readonly (string Tier, int Points)[] TierPoints = [("platinum", 15), ("gold", 10)];

    public static CustomerLayer Classify(CustomerActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var scored = new List<ScoreReason>
        {
            Reason(LayerReasons.Spend12Months, Band(SpendBands, activity.SpendLast12Months), activity.SpendLast12Months),
            Reason(LayerReasons.Orders12Months, Band(OrderBands, activity.OrdersLast12Months), activity.OrdersLast12Months),
            Reason(LayerReasons.Vip, PointsPerVipLevel * Math.Clamp(activity.VipLevel, 0, 10), activity.VipLevel),
            Reason(LayerReasons.Installments, Math.Min(MostInstallmentPoints, PointsPerInstallmentPlan * activity.InstallmentPlansHeld),
                activity.InstallmentPlansHeld),
            Reason(LayerReasons.Contacts90Days, activity.ContactsLast90Days >= ManyContacts ? ManyContactsPoints : 0, activity.ContactsLast90Days),
        };
        var tier = TierPoints.FirstOrDefault(t => string.Equals(t.Tier, activity.Tier, StringComparison.OrdinalIgnoreCase));
        if (tier.Tier is not null)
        {
            scored.Add(new ScoreReason(LayerReasons.Tier, tier.Points, tier.Tier));
        }

        var score = scored.Sum(s => s.Points ?? 0);
        // The spend always shows (zero spend explains a low score too); other items only when they moved it.
        var reasons = scored.Where((s, i) => i == 0 || s.Points != 0).ToList();
        if (activity.ComplaintsLast90Days > 0)
        {
            return new CustomerLayer(CustomerLayers.Care, score,
                [Reason(LayerReasons.Complaints90Days, null, activity.ComplaintsLast90Days), .. reasons]);
        }

        var name = score >= HighValueFrom ? CustomerLayers.HighValue : score >= GrowthFrom ? CustomerLayers.Growth : CustomerLayers.Mass;
        return new CustomerLayer(name, score, reasons);
    }

    private static ScoreReason Reason(string code, int? points, IFormattable value) =>
        new(code, points, value.ToString(null, CultureInfo.InvariantCulture));

    private static int Band((decimal From, int Points)[] bands, decimal value) =>
        bands.FirstOrDefault(band => value >= band.From).Points;
}
