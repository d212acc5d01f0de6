namespace Conversational.Bots.Handoff;

/// <summary>The disposition codes (处理结果) an agent closes a conversation with; quality inspection counts them.</summary>
public static class Dispositions
{
    public static IReadOnlyList<Disposition> All { get; } =
    [
        new("resolved", "已解决", "Resolved"),
        new("follow_up", "需跟进", "Needs follow-up"),
        new("ticket_created", "已建工单", "Ticket created"),
        new("customer_left", "客户已离开", "Customer left"),
        new("not_a_service_request", "无效咨询", "Not a service request"),
        new("complaint_escalated", "投诉升级", "Complaint escalated"),
    ];

    public static bool IsKnown(string code) => All.Any(d => d.Code == code);
}
