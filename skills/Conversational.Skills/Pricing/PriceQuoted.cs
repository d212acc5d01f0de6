using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Pricing;

/// <summary>A price after coupons was quoted: what was in the cart, what it came to, the coupons to use (in the order applied).</summary>
public sealed record PriceQuoted(IReadOnlyList<QuotedItem> Items, decimal ListTotal, decimal FinalTotal, IReadOnlyList<string> CouponIds)
    : SkillFact
{
    public static PriceQuoted For(PriceQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new PriceQuoted([.. quote.Lines.Select(l => new QuotedItem(l.Sku, l.Quantity, l.Size))], quote.ListTotal, quote.FinalTotal,
            [.. quote.CouponsUsed.Select(c => c.Id)]);
    }
}

/// <summary>One line of a quoted cart.</summary>
public sealed record QuotedItem(string Sku, int Quantity, string? Size);
