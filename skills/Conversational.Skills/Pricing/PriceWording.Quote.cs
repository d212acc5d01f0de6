using static Conversational.Skills.Pricing.PriceText;

namespace Conversational.Skills.Pricing;

/// <summary>The quote and its explanation: price after coupons, breakdown, coupons to use, lapsed offers, next threshold.</summary>
internal sealed partial class PriceWording
{
    /// <summary>
    /// The price after coupons with its breakdown: list price, each activity price and coupon with its saving (in the
    /// order applied), the coupons to use, the offers that ended or have not started, and the next threshold.
    /// </summary>
    public string Quote(PricedCart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var quote = cart.Quote;
        var single = quote.Lines.Count == 1;
        var rows = new List<string> { Header(cart), _english ? "Breakdown:" : "优惠明细：" };
        rows.Add(_english
            ? $"· List price{(single ? "" : " in all")}: {Money(quote.ListTotal)}"
            : $"· 原价{(single ? "" : "合计")}：{Money(quote.ListTotal)}");
        foreach (var step in quote.Steps)
        {
            rows.Add(step.Kind == OfferKind.Activity ? ActivityRow(cart, step, single) : _english
                ? $"· {step.NameEn}: -{Money(step.Saving)}"
                : $"· {step.Name}：-{Money(step.Saving)}");
        }

        rows.Add(CouponsToUse(quote));
        if (cart.Lapsed.Count > 0)
        {
            rows.Add(_english ? "Not available:" : "未能享受的优惠：");
            rows.AddRange(cart.Lapsed.Select(offer => "· " + Lapsed(cart, offer, single)));
        }

        if (quote.NextThreshold is { } hint)
        {
            rows.Add(_english
                ? $"Spend {Money(hint.ExtraSpend)} more to save another {Money(hint.ExtraSaving)} ({hint.NameEn})."
                : $"再买{Money(hint.ExtraSpend)}可再减{Money(hint.ExtraSaving)}（{hint.Name}）。");
        }

        if (single && quote.Lines[0].Size is null && cart.ProductOf(quote.Lines[0].Sku) is { Sizes.Count: > 1 } product)
        {
            rows.Add(_english ? $"Every size costs the same (sizes {Sizes(product)})." : $"各尺码同价（{Sizes(product)}）。");
        }

        return string.Join("\n", rows);
    }

    /// <summary>Which coupons the quote uses, in order, each with the amount it was tested on; and why the others were not used.</summary>
    public string ExplainCoupons(PricedCart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var quote = cart.Quote;
        var rows = new List<string>();
        var used = quote.Steps.Where(s => s.Kind == OfferKind.Coupon).ToList();
        rows.Add(used.Count == 0
            ? _english ? "No coupon applies to this order." : "这单没有可用的优惠券。"
            : _english ? $"This order uses {Count(used.Count)}, in the order they apply:" : $"这单用{used.Count}张券，按使用顺序：");
        foreach (var step in used)
        {
            var issuer = Coupon(cart, step.Id).Issuer;
            rows.Add(_english
                ? $"· {step.NameEn} ({(issuer == CouponIssuer.Store ? "store" : "platform")} coupon): {Money(step.Saving)} off, "
                    + $"checked on {Money(step.EligibleSubtotal)}"
                : $"· {step.Name}（{(issuer == CouponIssuer.Store ? "店铺券" : "平台券")}）："
                    + $"门槛按{Money(step.EligibleSubtotal)}计算，减{Money(step.Saving)}");
        }

        var unused = quote.Dropped.Where(d => d.Kind == OfferKind.Coupon && d.Reason switch
        {
            DropReason.NotApplicable => false,
            DropReason.Expired or DropReason.NotStarted => cart.Lapsed.Contains(d),
            _ => true,
        }).ToList();
        if (unused.Count > 0)
        {
            rows.Add(_english ? "Not used:" : "没用上的券：");
            rows.AddRange(unused.Select(d => "· " + Unused(cart, d)));
        }

        return string.Join("\n", rows);
    }

    private string Header(PricedCart cart)
    {
        var quote = cart.Quote;
        var saving = quote.TotalSaving > 0
            ? _english ? $", {Money(quote.TotalSaving)} off the list price" : $"，比原价省{Money(quote.TotalSaving)}"
            : _english ? " (no discounts apply)" : "（暂无优惠）";
        if (quote.Lines is [var line])
        {
            return _english
                ? $"{Item(cart, line)}: {Money(quote.FinalTotal)} after coupons{saving}."
                : $"{Item(cart, line)}：到手价{Money(quote.FinalTotal)}{saving}。";
        }

        var units = quote.Lines.Sum(l => l.Quantity);
        return (_english
                ? $"{units} items: {Money(quote.FinalTotal)} after coupons in all{saving}:"
                : $"共{units}件商品，到手价合计{Money(quote.FinalTotal)}{saving}：")
            + string.Concat(quote.Lines.Select(l => "\n· " + (_english
                ? $"{Item(cart, l)}: {Money(l.ListAmount)}, {Money(l.FinalAmount)} after coupons"
                : $"{Item(cart, l)}：原价{Money(l.ListAmount)}，到手{Money(l.FinalAmount)}")));
    }

    /// <summary>SH-1003 日常慢跑鞋（42码）×2 / SH-1003 Everyday jogging shoe (size 42) ×2</summary>
    private string Item(PricedCart cart, QuoteLine line)
    {
        var size = line.Size is null ? "" : _english ? $" ({SizeLabel(line.Size)})" : $"（{SizeLabel(line.Size)}）";
        return $"{Title(cart.ProductOf(line.Sku))}{size}{(_english ? " " : "")}×{line.Quantity}";
    }

    private string ActivityRow(PricedCart cart, PriceStep step, bool single)
    {
        var price = cart.ProductOf(step.Id).ActivityPrice!.Price;
        var sku = single ? "" : step.Id + " ";
        return _english
            ? $"· {sku}{step.NameEn} (sale price {Money(price)}): -{Money(step.Saving)}"
            : $"· {sku}{step.Name}（活动价{Money(price)}）：-{Money(step.Saving)}";
    }

    private string CouponsToUse(PriceQuote quote)
    {
        var count = quote.CouponsUsed.Count;
        if (count == 0)
        {
            return _english ? "No coupon applies right now." : "目前没有可用的优惠券。";
        }

        return _english
            ? $"Use {(count == 1 ? "this coupon" : $"these {count} coupons")} at checkout: "
                + $"{string.Join("; ", quote.CouponsUsed.Select(c => c.NameEn))}."
            : $"下单时请使用这{count}张券：{string.Join("、", quote.CouponsUsed.Select(c => c.Name))}。";
    }

    private string Lapsed(PricedCart cart, DroppedOffer offer, bool single)
    {
        var name = _english ? offer.NameEn : offer.Name;
        if (offer.Kind == OfferKind.Activity && !single)
        {
            name = _english ? $"{offer.Id} {name}" : $"{offer.Id}的{name}";
        }

        var date = Date(offer.Reason == DropReason.Expired ? LastDay(offer.Date!.Value) : Day(offer.Date!.Value), cart.Today);
        var price = offer.Kind == OfferKind.Activity ? cart.ProductOf(offer.Id).ActivityPrice!.Price : (decimal?)null;
        return (offer.Reason, _english) switch
        {
            (DropReason.Expired, true) => $"{name} ended on {date}",
            (DropReason.Expired, false) => $"{name}已于{date}结束",
            (_, true) => $"{name} starts on {date}{(price is { } p ? $" (sale price {Money(p)})" : "")}",
            (_, false) => $"{name}将于{date}开始{(price is { } p ? $"（活动价{Money(p)}）" : "")}",
        };
    }

    private string Unused(PricedCart cart, DroppedOffer offer)
    {
        var name = _english ? offer.NameEn : offer.Name;
        var date = offer.Date is { } at ? Date(offer.Reason == DropReason.Expired ? LastDay(at) : Day(at), cart.Today) : "";
        var rival = offer.OutrankedBy is { } id ? Coupon(cart, id) : null;
        var rivalName = rival is null ? "" : _english ? rival.NameEn : rival.Name;
        return (offer.Reason, _english) switch
        {
            (DropReason.OutrankedInStackGroup, true) =>
                $"{name}: same kind as {rivalName}, and only one of a kind can be used; I chose {rivalName}",
            (DropReason.OutrankedInStackGroup, false) => $"{name}：和{rivalName}同属一类，只能用一张，已选{rivalName}",
            (DropReason.ThresholdNotMet, true) => $"{name}: {Money(offer.Shortfall ?? 0m)} short of its minimum spend",
            (DropReason.ThresholdNotMet, false) => $"{name}：还差{Money(offer.Shortfall ?? 0m)}才能用",
            (DropReason.Expired, true) => $"{name}: ended on {date}",
            (DropReason.Expired, false) => $"{name}：已于{date}结束",
            (DropReason.NotStarted, true) => $"{name}: starts on {date}",
            (DropReason.NotStarted, false) => $"{name}：将于{date}开始",
            (_, true) => $"{name}: using it would save less overall",
            (_, false) => $"{name}：用上反而不如现在的组合省",
        };
    }

    private static Coupon Coupon(PricedCart cart, string id) => cart.Coupons.First(c => c.Id == id);

    private static string Count(int coupons) => coupons == 1 ? "1 coupon" : $"{coupons} coupons";
}
