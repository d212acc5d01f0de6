namespace Conversational.Skills.Pricing;

/// <summary>A customer message as the price dialog reads it, before anything is looked up (<see cref="PriceAnswers.Read"/>).</summary>
/// <param name="Clauses">The message cut at 和, 、, commas and "and", and before each SKU: each names at most one item.</param>
/// <param name="Adds">再加, 还要, add, another: the items named go into the cart beside those already there.</param>
/// <param name="Removes">去掉, remove: the items named leave the cart.</param>
/// <param name="AsksWhichCoupons">用哪些券, which coupons: the coupons of the quote, explained.</param>
/// <param name="KeepsLanguage">Nothing but SKUs, sizes, quantities and numbers: the dialog's language stays.</param>
/// <param name="TooMany">A quantity above <see cref="CartLine.MaxQuantity"/> was left out.</param>
internal sealed record PriceMessage(
    IReadOnlyList<PriceClause> Clauses,
    bool Adds,
    bool Removes,
    bool AsksWhichCoupons,
    PriceQuestion? Question,
    bool KeepsLanguage,
    bool TooMany)
{
    /// <summary>Whether the message says anything the dialog acts on besides a question.</summary>
    public bool SaysSomething => AsksWhichCoupons || Clauses.Any(c => c.Sku is not null || c.Quantity is not null || c.Size is not null);
}

/// <summary>
/// One part of a message: a SKU if it has one (SH-1003, upper case), its text for a name search otherwise, and the
/// quantity and size said in it. <see cref="BareNumber"/> is a two-digit number with no unit ("42的"), a size only if
/// the product comes in it. <see cref="NamesSomething"/>: words are left once the usual ones ("这双", "多少钱") are taken
/// out, so if no product matches, the customer named one we do not have.
/// </summary>
internal sealed record PriceClause(string Text, string? Sku, int? Quantity, string? Size, string? BareNumber, bool NamesSomething);
