namespace Conversational.Skills.Installments;

/// <summary>The demo bank: its product table, its customers' latest card statements, and the day the demo pretends it is.</summary>
public sealed record DemoCardSet(DateOnly Today, InstallmentProductTable ProductTable, IReadOnlyList<CardStatement> Cards)
{
    /// <summary>
    /// The cards with their statement and due dates moved by as many days as <paramref name="today"/> is after <see cref="Today"/>,
    /// so each card shows the same outcome on any day as it does on the demo day (the past-due one stays past due).
    /// </summary>
    public IReadOnlyList<CardStatement> CardsOn(DateOnly today)
    {
        var days = today.DayNumber - Today.DayNumber;
        return [.. Cards.Select(c => c with { StatementDate = c.StatementDate.AddDays(days), DueDate = c.DueDate.AddDays(days) })];
    }
}
