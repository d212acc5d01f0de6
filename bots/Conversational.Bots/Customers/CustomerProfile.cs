namespace Conversational.Bots.Customers;

/// <summary>Who the customer is, as routing, the agent desk and service-sales need it.</summary>
/// <param name="Tier">Segment such as <c>visitor</c>, <c>standard</c>, <c>gold</c>, <c>platinum</c>.</param>
/// <param name="VipLevel">0 (none) to 10; higher levels are served first and may have a dedicated agent (专属客服).</param>
/// <param name="Tags">Free labels, e.g. <c>new</c>, <c>card_holder</c>, <c>complained_before</c>.</param>
public sealed record CustomerProfile(string Id, string DisplayName, string Tier, int VipLevel, string? Province, string? City,
    IReadOnlyList<string> Tags);
