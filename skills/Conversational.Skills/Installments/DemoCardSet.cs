namespace Conversational.Skills.Installments;

/// <summary>The demo bank: its product table, its customers' latest card statements, and the day the demo pretends it is.</summary>
public sealed record DemoCardSet(DateOnly Today, InstallmentProductTable ProductTable, IReadOnlyList<CardStatement> Cards);
