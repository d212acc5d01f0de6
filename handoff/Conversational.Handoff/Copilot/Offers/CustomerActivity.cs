namespace Conversational.Handoff.Copilot;

/// <summary>
/// What the copilot knows of the customer's spending and service history (消费与服务历史), built by the desk from
/// orders, cards and past conversations. Money is in yuan.
/// </summary>
public sealed record CustomerActivity(string CustomerId, string Tier, int VipLevel, IReadOnlyList<string> Tags,
    decimal SpendLast12Months, int OrdersLast12Months, int InstallmentPlansHeld, int ComplaintsLast90Days, int ContactsLast90Days);
