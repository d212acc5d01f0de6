using System.Globalization;
using static Conversational.Skills.Pricing.PriceText;

namespace Conversational.Skills.Pricing;

/// <summary>What the price dialog says, in Chinese and English: asks, notices and answers (the quote: PriceWording.Quote.cs).</summary>
internal sealed partial class PriceWording
{
    private readonly bool _english;

    private PriceWording(bool english) => _english = english;

    public static PriceWording Chinese { get; } = new(english: false);

    public static PriceWording English { get; } = new(english: true);

    public static PriceWording For(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    // Asking which product.
    public string AskProduct(bool suggestions) => _english
        ? "Which item would you like the price after coupons for? Send its item number (like SH-1003) or its name"
            + (suggestions ? ", or pick one of these items on sale now." : ".")
        : "请问您想查哪件商品的到手价？发送商品编号（如SH-1003）或商品名称即可" + (suggestions ? "，也可以选下面正在做活动的商品。" : "。");

    public string AskChoice(int found, int shown) => _english
        ? $"I found {found} matching items{(found > shown ? $"; here are the first {shown}" : "")}. Which one do you mean? "
            + "You can also send its item number."
        : $"找到{found}件相关商品{(found > shown ? $"，先列出{shown}件" : "")}，请问是哪一件？也可以直接发送商品编号。";

    public string OptionTitle(ProductOption option) => option.Sku + " " + (_english ? option.NameEn : option.Name);

    public string Title(Product product) => product.Sku + " " + (_english ? product.NameEn : product.Name);

    // Notices.
    public string SkuNotFound(string sku) => _english
        ? $"I can't find an item numbered {sku}. Please check the number."
        : $"没有找到编号为{sku}的商品，请核对后再发送。";

    public string NameNotFound => _english ? "Sorry, I couldn't find that item." : "抱歉，没有找到您说的这件商品。";

    public string SizeNotOffered(Product product, string size) => _english
        ? $"{Title(product)} doesn't come in size {size}; its sizes are {Sizes(product)}."
        : $"{Title(product)}没有{SizeLabel(size)}，可选尺码：{Sizes(product)}。";

    public string TooMany => _english
        ? $"I can price up to {CartLine.MaxQuantity:N0} of an item."
        : $"每件商品最多可计算{CartLine.MaxQuantity.ToString("N0", CultureInfo.InvariantCulture)}件。";

    public string SendProduct => _english
        ? "Send an item number or name if you'd like another price."
        : "如需查询其他商品，请发送商品编号或名称。";

    public string NoCartYet => _english
        ? "Tell me the item first, and I'll show you which coupons to use."
        : "先告诉我是哪件商品，我再告诉您用哪些券。";

    public string Declined => _english ? "OK. Ask me any time you'd like a price." : "好的。需要查到手价时随时告诉我。";

    /// <summary>Quick replies under a quote: the follow-ups the dialog answers.</summary>
    public IReadOnlyList<string> QuoteOptions => _english ? ["Which coupons?", "How do I get coupons?"] : ["用哪些券", "优惠券怎么领"];

    // Questions in the middle.
    public string Answer(PriceQuestion question, Product? product, PricedCart? cart) => question switch
    {
        PriceQuestion.Stacking => AboutStacking(cart),
        PriceQuestion.GettingCoupons => AboutGettingCoupons,
        PriceQuestion.Validity => AboutValidity(cart),
        PriceQuestion.Sizes => AboutSizes(product),
        PriceQuestion.Material => AboutMaterial(product),
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
    };

    public string AboutStacking(PricedCart? cart)
    {
        var rule = _english
            ? "Yes, offers stack, by these rules: the sale price comes first, then store coupons, then platform coupons; only one coupon "
                + "of each kind (stack group) can be used; and each coupon's minimum spend is checked on the amount left after the "
                + "discounts before it. I pick the combination that saves you the most."
            : "可以叠加，规则是：先按活动价，再用店铺券，最后用平台券；同一类券（同一叠加组）只能用一张；每张券的门槛按前面优惠后的金额计算。"
                + "我会自动为您选出最省的组合。";
        if (cart is not { Quote.CouponsUsed.Count: > 0 } priced)
        {
            return rule;
        }

        var quote = priced.Quote;
        return rule + (_english
            ? $" This order stacks {quote.CouponsUsed.Count} coupons for {Money(quote.CouponSaving)} off."
            : $"这单一共叠加了{quote.CouponsUsed.Count}张券，共减{Money(quote.CouponSaving)}。");
    }

    public string AboutGettingCoupons => _english
        ? "Store coupons are claimed on the item's page or the store's home page (\"Get coupons\"), platform coupons and red packets "
            + "in the coupon center; once claimed, tick them at checkout. The prices I give use only coupons you can claim and use now."
        : "店铺券在商品页或店铺首页点“领券”领取，平台券和红包在领券中心领取；领到后下单时勾选即可抵扣。我算到手价用的都是现在能领、能用的券。";

    public string AboutValidity(PricedCart? cart)
    {
        if (cart is null)
        {
            return _english
                ? "Every coupon and sale has an end date, after which it no longer applies. Tell me the item and I'll tell you when "
                    + "its offers end."
                : "每张券、每个活动都有有效期，过期后不再抵扣。告诉我是哪件商品，我告诉您用到的优惠哪天结束。";
        }

        var activities = cart.Quote.Steps.Where(s => s.Kind == OfferKind.Activity).Select(s => cart.ProductOf(s.Id).ActivityPrice!)
            .Select(a => (Name: _english ? a.NameEn : a.Name, Until: a.Ends));
        var coupons = cart.Quote.CouponsUsed.Select(c => (Name: _english ? c.NameEn : c.Name, Until: c.ValidUntil));
        var offers = activities.Concat(coupons).Select(o => "\n· " + (_english
            ? $"{o.Name}: through {Date(LastDay(o.Until), cart.Today)}"
            : $"{o.Name}：至{Date(LastDay(o.Until), cart.Today)}")).Distinct();
        return (_english ? "The offers in this price last:" : "这个到手价用到的优惠有效期：") + string.Concat(offers);
    }

    public string AboutSizes(Product? product) => product is null
        ? _english ? "Tell me the item and I'll tell you its sizes." : "告诉我是哪件商品，我帮您查尺码。"
        : _english
            ? $"{Title(product)} comes in sizes {Sizes(product)}, all at the same price."
            : $"{Title(product)}可选尺码：{Sizes(product)}，各尺码同价。";

    public string AboutMaterial(Product? product) => product is null
        ? _english ? "Tell me the item and I'll tell you what it's made of." : "告诉我是哪件商品，我帮您查材质。"
        : _english
            ? $"{Title(product)}: colour {product.Colour}, material {product.Material}."
            : $"{Title(product)}：颜色{product.Colour}，材质{product.Material}。";

    /// <summary>A product's sizes: a run of shoe sizes as 38–45码, letter sizes listed.</summary>
    public string Sizes(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var numbers = product.Sizes
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        var isRun = numbers.Count > 2 && numbers.All(n => n >= 0) && numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1);
        return isRun
            ? $"{numbers[0]}–{numbers[^1]}{(_english ? "" : "码")}"
            : string.Join(_english ? ", " : "/", product.Sizes);
    }

    /// <summary>42码 or XL in Chinese; "size 42" or "size XL" in English.</summary>
    public string SizeLabel(string size) => _english
        ? "size " + size
        : size.All(char.IsAsciiDigit) ? size + "码" : size;

    public string Date(DateOnly day, DateOnly today) => _english
        ? day.ToString(day.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture)
        : day.Year == today.Year ? $"{day.Month}月{day.Day}日" : $"{day.Year}年{day.Month}月{day.Day}日";
}
