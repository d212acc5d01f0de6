namespace Conversational.Skills.Pricing;

/// <summary>
/// A limited-time activity price (活动价, e.g. 双十一特价) for one unit. It applies while
/// <c><see cref="Starts"/> &lt;= now &lt; <see cref="Ends"/></c>: <see cref="Ends"/> is the first instant it no longer
/// applies, so a sale "through 11月11日" ends at 2026-11-12T00:00+08:00.
/// </summary>
/// <param name="Name">Chinese name of the activity, e.g. 双十一特价.</param>
/// <param name="NameEn">English name.</param>
public sealed record ActivityPrice(decimal Price, string Name, string NameEn, DateTimeOffset Starts, DateTimeOffset Ends)
{
    public decimal Price { get; } = Money.RequirePositive(Price, nameof(Price));

    public DateTimeOffset Starts { get; } = Starts;

    public DateTimeOffset Ends { get; } = Ends > Starts
        ? Ends
        : throw new ArgumentException($"The activity '{Name}' ends ({Ends:O}) before it starts ({Starts:O}).", nameof(Ends));

    /// <summary>Whether the activity price applies at <paramref name="now"/> (start inclusive, end exclusive).</summary>
    public bool IsActiveAt(DateTimeOffset now) => Starts <= now && now < Ends;
}
