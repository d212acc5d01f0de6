using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Pricing;

/// <summary>
/// Reads a price message (<see cref="PriceMessage"/>): SKUs (SH-1003, sh1003, ＳＨ－１００３), quantities (两件, 2双, x2,
/// three pairs), sizes (the <see cref="ProductSize"/> entities: 42码, XL), whether items are added or removed, and the
/// questions and requests the dialog answers. Looking products up is the dialog's; this is pure.
/// </summary>
internal static partial class PriceAnswers
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const string EnglishNumberWords = "one|two|three|four|five|six|seven|eight|nine|ten";

    // First match wins: "哪些券能叠加" is about stacking.
    private static readonly (PriceQuestion Question, string[] Cues)[] Questions =
    [
        (PriceQuestion.Stacking, ["叠加", "一起用", "同时用", "能同时", "可以同时", "叠用", "stack", "stacks", "stacking", "combine", "combined"]),
        (PriceQuestion.GettingCoupons, ["怎么领", "在哪领", "哪里领", "去哪领", "如何领", "领券", "怎么获得", "怎么拿到", "claim", "get coupons",
            "get the coupons", "get a coupon", "get the coupon", "where do i get", "how do i get"]),
        (PriceQuestion.Validity, ["什么时候结束", "到什么时候", "什么时候截止", "什么时候到期", "有效期", "过期", "截止", "到期", "还有几天",
            "expire", "expires", "expiry", "valid until", "until when", "when does", "when do", "how long"]),
        (PriceQuestion.Sizes, ["有哪些尺码", "有什么尺码", "哪些码", "什么码", "尺码有哪些", "几个码", "码数", "尺码表", "sizes", "what size",
            "which size"]),
        (PriceQuestion.Material, ["材质", "面料", "什么材料", "什么做的", "成分", "什么颜色", "颜色", "material", "fabric", "made of", "colour",
            "color"]),
    ];

    private static readonly string[] WhichCouponsCues =
        ["哪些券", "哪几张券", "什么券", "哪张券", "用了哪些", "券怎么用", "怎么用券", "优惠明细", "which coupon", "which coupons",
            "what coupon", "what coupons"];

    private static readonly string[] RemoveCues = ["去掉", "删掉", "删除", "拿掉", "移除", "remove", "drop", "take out", "without"];

    // Words that only say "a price, please": what is left after them names a product.
    private static readonly string[] Fillers =
    [
        "到手价", "到手", "多少钱", "多少", "价格", "价钱", "售价", "原价", "优惠券", "优惠", "用券", "券后", "满减", "折扣", "打折", "便宜", "划算",
        "查询", "咨询", "了解", "请问", "问下", "问一下", "想问", "我想", "我要", "想要", "帮我", "帮忙", "麻烦", "算一下", "算算", "计算", "查一下", "查查", "看一下",
        "看看", "一下", "现在", "今天", "这双", "这件", "这款", "这个", "这条", "这套", "那双", "那件", "那款", "那个", "那条", "鞋子", "衣服",
        "商品", "东西", "宝贝", "一起", "总共", "一共", "合计", "以后", "之后", "尺码", "大小", "什么", "怎么", "哪些",
    ];

    private const int MaxNameLength = 12;

    private static readonly string[] QuestionWords =
        ["?", "？", "吗", "怎么", "什么", "为什么", "如何", "哪", "几", "多久", "how", "what", "why", "when", "where", "which", "who"];

    private const string FillerCharacters = "的呢吗啊呀吧了是能有再加还要我你您后用算码号买共鞋件双个条套";

    private static readonly Dictionary<string, int> EnglishNumbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10,
    };

    [GeneratedRegex(@"(?<![a-z0-9])(?<prefix>[a-z]{2}) ?[-_]? ?(?<number>[0-9]{4})(?![0-9])", Options)]
    private static partial Regex Sku();

    [GeneratedRegex(@"[,，、;；+&]|和|跟|与|以及|还有|另外|(?<![a-z])(?:and|plus)(?![a-z])", Options)]
    private static partial Regex Separator();

    [GeneratedRegex(@"再加|加上|还要|再来|再买|另外|加 ?(?:[0-9一二两三四五六七八九十]|个|件|双|条)|(?<![a-z])(?:add|plus|also|another|as well|one more)(?![a-z])",
        Options)]
    private static partial Regex AddCue();

    [GeneratedRegex(@"(?<![第0-9.])(?<n>[0-9]{1,6}|[零一二两三四五六七八九十百千万]{1,5}) ?(?:件|双|个|条|套|只|份|副|顶|盒)", Options)]
    private static partial Regex ChineseQuantity();

    [GeneratedRegex(@"(?<![a-z])[x×*] ?(?<n>[0-9]{1,6})(?![0-9])", Options)]
    private static partial Regex TimesQuantity();

    [GeneratedRegex(@"(?<![a-z0-9])(?<n>[0-9]{1,6}|" + EnglishNumberWords + ") (?:pairs?|pieces?|items?|units?|of (?:them|these|those|it)"
        + "|shirts?|t-shirts?|tees?|hoodies?|jackets?)(?![a-z])", Options)]
    private static partial Regex EnglishQuantity();

    [GeneratedRegex(@"(?<![a-z])(?:qty|quantity|buy|get|take) ?:? ?(?<n>[0-9]{1,6}|" + EnglishNumberWords + ")(?![0-9a-z])(?! ?%)",
        Options)]
    private static partial Regex VerbQuantity();

    // 42的, 换成41: a two-digit number without a unit, a size only for a product that comes in it.
    [GeneratedRegex(@"(?<![0-9.a-z-])(?<n>[1-4][0-9])(?![0-9.%])(?! ?(?:件|双|个|条|套|只|份|元|块|码|号|期|天|岁))", Options)]
    private static partial Regex BareNumber();

    public static PriceMessage Read(SkillTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.NormalizedText;
        var sizes = turn.Entities.Where(e => e.Value is ProductSize).ToList();
        var tooMany = false;
        var clauses = new List<PriceClause>();
        foreach (var (start, end) in Pieces(text))
        {
            var piece = text[start..end];
            var quantity = Quantity(piece, ref tooMany);
            var size = sizes.FirstOrDefault(e => e.Start >= start && e.Start < end)?.Value is ProductSize s ? s.Label : null;
            var sku = Sku().Match(piece) is { Success: true } match
                ? match.Groups["prefix"].Value.ToUpperInvariant() + "-" + match.Groups["number"].Value
                : null;
            var masked = Masked(piece, start, sizes);
            var bare = BareNumber().Match(masked) is { Success: true } number ? number.Groups["n"].Value : null;
            clauses.Add(new PriceClause(piece, sku, quantity, size, bare, sku is null && NamesSomething(masked)));
        }

        return new PriceMessage(
            [.. clauses.Where(c => c.Text.Any(char.IsLetterOrDigit))],
            AddCue().IsMatch(text),
            RemoveCues.Any(cue => TextCues.Mentions(text, cue)),
            Question(text) is null && WhichCouponsCues.Any(cue => TextCues.Mentions(text, cue)),
            Question(text),
            !text.Any(IsHan) && TextLanguage.Detect(Masked(text, 0, sizes)) is null,
            tooMany);
    }

    /// <summary>
    /// Whether a message could be a product's name typed as the answer to "which product?": short, and not a question
    /// ("小米手机" is, "今天天气怎么样" is not), so that "not found" is said only to what might have been one.
    /// </summary>
    public static bool LooksLikeAName(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return normalized.Length <= MaxNameLength && !QuestionWords.Any(word => TextCues.Mentions(normalized, word));
    }

    public static PriceQuestion? Question(string normalized) =>
        Questions.Where(q => q.Cues.Any(cue => TextCues.Mentions(normalized, cue))).Select(q => (PriceQuestion?)q.Question).FirstOrDefault();

    /// <summary>The message cut at separators, and again before every SKU after the first in a part.</summary>
    private static IEnumerable<(int Start, int End)> Pieces(string text)
    {
        var cuts = Separator().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToList();
        var start = 0;
        foreach (var (cutStart, cutEnd) in cuts.Append((text.Length, text.Length)))
        {
            var skus = Sku().Matches(text[start..cutStart]).Skip(1).Select(m => start + m.Index).ToList();
            foreach (var next in skus.Append(cutStart))
            {
                if (next > start)
                {
                    yield return (start, next);
                }

                start = next;
            }

            start = cutEnd;
        }
    }

    private static int? Quantity(string piece, ref bool tooMany)
    {
        var match = new[] { ChineseQuantity(), TimesQuantity(), EnglishQuantity(), VerbQuantity() }
            .Select(pattern => pattern.Match(piece)).FirstOrDefault(m => m.Success);
        if (match is null)
        {
            return null;
        }

        var n = match.Groups["n"].Value;
        decimal value = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits
            : EnglishNumbers.TryGetValue(n, out var word) ? word
            : ChineseNumerals.TryParse(n, out var chinese) ? chinese : 0m;
        if (value > CartLine.MaxQuantity)
        {
            tooMany = true;
            return null;
        }

        return value >= 1 && decimal.IsInteger(value) ? (int)value : null;
    }

    /// <summary>The text with SKUs, sizes and quantities blanked out, offsets kept; sizes are entities of the whole message.</summary>
    private static string Masked(string piece, int offset, IReadOnlyList<Entity> sizes)
    {
        var chars = piece.ToCharArray();
        void Blank(int from, int length)
        {
            for (var i = Math.Max(from, 0); i < Math.Min(from + length, chars.Length); i++)
            {
                chars[i] = ' ';
            }
        }

        foreach (var size in sizes)
        {
            Blank(size.Start - offset, size.Length);
        }

        foreach (var match in new[] { Sku(), ChineseQuantity(), TimesQuantity(), EnglishQuantity(), VerbQuantity() }
                     .SelectMany(pattern => pattern.Matches(piece)))
        {
            Blank(match.Index, match.Length);
        }

        return new string(chars);
    }

    /// <summary>Whether anything but the usual words of a price question is left: two Chinese characters, or an English word.</summary>
    private static bool NamesSomething(string masked)
    {
        var rest = Fillers.OrderByDescending(f => f.Length)
            .Aggregate(masked, (text, filler) => text.Replace(filler, " ", StringComparison.Ordinal));
        if (rest.Count(c => IsHan(c) && !FillerCharacters.Contains(c, StringComparison.Ordinal)) >= 2)
        {
            return true;
        }

        var words = new StringBuilder();
        foreach (var c in rest.Append(' '))
        {
            if (char.IsAsciiLetter(c))
            {
                words.Append(c);
                continue;
            }

            if (words.Length >= 3 && !ProductSearch.IsIgnored(words.ToString()))
            {
                return true;
            }

            words.Clear();
        }

        return false;
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
