namespace Conversational.Handoff.Copilot;

/// <summary>The codes of <see cref="CustomerLayering"/>'s reasons; the value of each is invariant, as noted.</summary>
public static class LayerReasons
{
    /// <summary>近90天投诉: complaints in the last 90 days (a count); no points, it makes the layer <c>care</c>.</summary>
    public const string Complaints90Days = "complaints_90d";

    /// <summary>12个月消费: spend in the last 12 months, in yuan.</summary>
    public const string Spend12Months = "spend_12m";

    /// <summary>12个月下单: orders in the last 12 months (a count).</summary>
    public const string Orders12Months = "orders_12m";

    /// <summary>VIP 等级: the VIP level.</summary>
    public const string Vip = "vip";

    /// <summary>持有分期: installment plans held (a count).</summary>
    public const string Installments = "installments";

    /// <summary>近90天联系客服: contacts with service in the last 90 days (a count).</summary>
    public const string Contacts90Days = "contacts_90d";

    /// <summary>会员等级: the tier id (<c>platinum</c>, <c>gold</c>).</summary>
    public const string Tier = "tier";
}
