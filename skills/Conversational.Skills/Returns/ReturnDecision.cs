namespace Conversational.Skills.Returns;

/// <summary>What <see cref="ReturnPolicyCheck"/> decided for one order line: <see cref="ReturnAllowed"/> or <see cref="ReturnRefused"/>.</summary>
public abstract record ReturnDecision;

/// <param name="Deadline">When the window closes (exclusive), in the shop's time zone: the customer must ask before it.</param>
/// <param name="RefundAmount">Paid price × quantity for a refund; zero for an exchange.</param>
/// <param name="ExchangeSize">The size the customer gets instead; only for an exchange.</param>
public sealed record ReturnAllowed(
    ReturnKind Kind,
    int Quantity,
    DateTimeOffset Deadline,
    bool FreeReturnShipping,
    decimal RefundAmount,
    string? ExchangeSize) : ReturnDecision
{
    /// <summary>The last calendar day inside the window (inclusive), for "截至 11月20日".</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(Deadline.DateTime).AddDays(-1);
}

/// <param name="Deadline">Only for <see cref="ReturnRefusal.WindowClosed"/>: when the window closed (exclusive).</param>
public sealed record ReturnRefused(ReturnRefusal Reason, DateTimeOffset? Deadline = null) : ReturnDecision
{
    /// <summary>The last calendar day that was inside the window, when there was one.</summary>
    public DateOnly? LastDay => Deadline is { } deadline ? DateOnly.FromDateTime(deadline.DateTime).AddDays(-1) : null;
}
