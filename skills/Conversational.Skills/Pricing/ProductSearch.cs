using System.Text;
using Conversational.Knowledge.Understanding;

namespace Conversational.Skills.Pricing;

/// <summary>
/// Finds the products a customer means by name, in Chinese or English, without asking for the exact name. Text is
/// normalized first (<see cref="TextNormalizer"/>: Traditional, full-width and upper case fold away). Chinese has no
/// spaces, so Chinese is compared by pairs of neighbouring characters: a product scores the number of characters of its
/// name covered by a pair that also occurs in the message ("轻羽跑鞋" covers 轻羽 and 跑鞋 of 轻羽竞速跑鞋: 4). English
/// is compared by whole words (a plural matches the singular), two points a word, leaving out words every product or
/// message has ("the", "shoe", "price"). The products with the highest score win; among them, those sharing more
/// single characters with the message ("轻跑跑鞋" shares 轻 with 轻羽竞速跑鞋 and no other running shoe). No pair or
/// word in common: no match.
/// </summary>
internal static class ProductSearch
{
    /// <summary>Most terms a message gives the database's prefilter; a longer message is cut there.</summary>
    public const int MaxTerms = 48;

    // Words that say nothing about which product: in every message or in many names.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "this", "that", "these", "those", "what", "how", "much", "does", "its", "are", "was", "can",
        "you", "your", "please", "price", "prices", "cost", "costs", "pay", "after", "before", "coupon", "coupons", "discount",
        "discounts", "deal", "buy", "get", "want", "like", "would", "about", "total", "final", "item", "items", "product",
        "products", "thing", "pair", "pairs", "piece", "pieces", "one", "two", "three", "four", "five", "size", "shoe", "shoes",
        "add", "also", "plus", "another", "more", "many", "some", "which", "there", "here", "have", "has", "need",
    };

    /// <summary>Whether an English word says nothing about which product ("price", "the", "shoe").</summary>
    public static bool IsIgnored(string word) => Ignored.Contains(word);

    /// <summary>
    /// What a product's name must contain, one of them at least, to be worth ranking: the message's character pairs and
    /// words, for a <c>LIKE '%term%'</c> prefilter. Only letters and digits, so no term needs escaping.
    /// </summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var run in Runs(TextNormalizer.Normalize(text)))
        {
            terms.AddRange(HasHan(run) ? Pairs(run) : WordForms(run));
        }

        return [.. terms.Distinct(StringComparer.Ordinal).Take(MaxTerms)];
    }

    /// <summary>The products <paramref name="text"/> names best, by SKU; empty when none shares a pair or a word with it.</summary>
    public static IReadOnlyList<Product> Best(string text, IEnumerable<Product> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var query = new Query(TextNormalizer.Normalize(text));
        var scored = candidates.Select(product => (Product: product, Score: Score(query, product)))
            .Where(p => p.Score.Primary > 0)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(p => p.Score);
        return [.. scored.Where(p => p.Score == best).Select(p => p.Product).OrderBy(p => p.Sku, StringComparer.Ordinal)];
    }

    /// <summary>The normalized text the database keeps beside a product, for the prefilter.</summary>
    public static string SearchText(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return TextNormalizer.Normalize(product.Name + " " + product.NameEn);
    }

    /// <summary>A product's score: name characters and words matched, then single characters shared (compared in that order).</summary>
    private static (int Primary, int Shared) Score(Query query, Product product)
    {
        var name = TextNormalizer.Normalize(product.Name).Where(char.IsLetterOrDigit).ToArray();
        var covered = new bool[name.Length];
        for (var i = 0; i + 1 < name.Length; i++)
        {
            if ((IsHan(name[i]) || IsHan(name[i + 1])) && query.Pairs.Contains(string.Concat(name[i], name[i + 1])))
            {
                covered[i] = covered[i + 1] = true;
            }
        }

        var words = NameWords(product.NameEn).Count(query.Words.Contains);
        var shared = name.Where(IsHan).Distinct().Count(query.Characters.Contains);
        return (covered.Count(c => c) + (2 * words), shared);
    }

    /// <summary>A name's words, and each hyphenated word also written whole (t-shirt: t, shirt, tshirt).</summary>
    private static IEnumerable<string> NameWords(string nameEn)
    {
        var normalized = TextNormalizer.Normalize(nameEn);
        var whole = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string([.. word.Where(char.IsLetterOrDigit)]));
        return Runs(normalized).Concat(whole).Where(word => word.Length >= 3 && !Ignored.Contains(word)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Maximal runs of letters and digits: everything else separates.</summary>
    private static IEnumerable<string> Runs(string normalized)
    {
        var run = new StringBuilder();
        foreach (var c in normalized.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }
    }

    // Pairs with a Han character in them: "t恤" is a pair, "xl" is not.
    private static IEnumerable<string> Pairs(string run)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            if (IsHan(run[i]) || IsHan(run[i + 1]))
            {
                yield return run.Substring(i, 2);
            }
        }
    }

    // A word and its singular: hoodies → hoodie, shorts → short, boxes → box.
    private static IEnumerable<string> WordForms(string word)
    {
        if (word.Length < 3 || Ignored.Contains(word) || word.All(char.IsAsciiDigit))
        {
            yield break;
        }

        yield return word;
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4)
        {
            yield return word[..^2];
        }

        if (word.EndsWith('s') && word.Length > 3)
        {
            yield return word[..^1];
        }
    }

    private static bool HasHan(string text) => text.Any(IsHan);

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    /// <summary>The message taken apart once: its pairs, words and Han characters.</summary>
    private sealed class Query
    {
        public Query(string normalized)
        {
            foreach (var run in Runs(normalized))
            {
                if (HasHan(run))
                {
                    Pairs.UnionWith(ProductSearch.Pairs(run));
                    Characters.UnionWith(run.Where(IsHan));
                }
                else
                {
                    Words.UnionWith(WordForms(run));
                }
            }
        }

        public HashSet<string> Pairs { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

        public HashSet<char> Characters { get; } = [];
    }
}
