namespace Conversational.Handoff.Copilot;

/// <summary>
/// The work-order template (工单模板) of a business: its kind, the fields the draft prefills from the conversation's
/// slots (field names are <see cref="ScriptVariables"/> names where one fits), and its title in both languages.
/// </summary>
/// <param name="Kind">The ticket's type within agent tickets, e.g. <c>installment</c> or <c>return</c>.</param>
public sealed record TicketTemplate(string Business, string Kind, IReadOnlyList<string> Fields, string TitleZh, string TitleEn);

/// <summary>The ticket helper's (工单助手) templates, one per business.</summary>
public static class TicketTemplates
{
    public const string ReasonField = "reason";
    public const string ReturnKindField = "kind";
    public const string IssueField = "issue";

    private static readonly TicketTemplate GeneralTemplate =
        new(CopilotBusinesses.General, "general", [IssueField], "客户服务工单", "Customer service ticket");

    private static readonly Dictionary<string, TicketTemplate> ByBusiness = new(StringComparer.Ordinal)
    {
        [CopilotBusinesses.Installment] = new(CopilotBusinesses.Installment, "installment",
            [ScriptVariables.CardLast4, ScriptVariables.Amount, ScriptVariables.Periods], "账单分期工单", "Bill installment ticket"),
        [CopilotBusinesses.Card] = new(CopilotBusinesses.Card, "card",
            [ScriptVariables.CardLast4, IssueField], "信用卡业务工单", "Credit card ticket"),
        [CopilotBusinesses.Pricing] = new(CopilotBusinesses.Pricing, "pricing",
            [ScriptVariables.Product, ScriptVariables.OrderId, IssueField], "价格与优惠工单", "Price and coupon ticket"),
        [CopilotBusinesses.Returns] = new(CopilotBusinesses.Returns, "return",
            [ScriptVariables.OrderId, ReasonField, ReturnKindField], "退换货工单", "Return or exchange ticket"),
        [CopilotBusinesses.General] = GeneralTemplate,
    };

    /// <summary>The template of a business; an unknown business gets the general one.</summary>
    public static TicketTemplate For(string business) =>
        business is not null && ByBusiness.TryGetValue(business, out var template) ? template : GeneralTemplate;
}
