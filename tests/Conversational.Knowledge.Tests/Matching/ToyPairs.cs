using Conversational.Knowledge.Matching;

namespace Conversational.Knowledge.Tests.Matching;

/// <summary>
/// A clearly learnable set of question pairs: two questions match when they ask the same thing about the same product,
/// in different words; asking about another product, or another thing, is different.
/// </summary>
internal static class ToyPairs
{
    private static readonly string[] Products = ["花呗", "借呗", "余额宝", "信用卡", "网商贷", "芝麻分"];

    // Each topic in two wordings.
    private static readonly (string First, string Second)[] Topics =
    [
        ("怎么还款", "如何还钱"), ("为什么用不了", "不能用了是怎么回事"), ("怎么关闭", "如何注销掉"),
        ("能提额吗", "额度可以提高吗"), ("利息多少", "手续费怎么算"), ("逾期了怎么办", "过了还款日会怎样"),
    ];

    /// <summary>Pairs from the products and topics in turn; <paramref name="offset"/> varies which ones, for a different set.</summary>
    public static List<QuestionPair> Make(int count, int offset = 0)
    {
        var pairs = new List<QuestionPair>(count);
        for (var i = offset; pairs.Count < count; i++)
        {
            var product = Products[i % Products.Length];
            var (first, second) = Topics[(i / Products.Length) % Topics.Length];
            var otherProduct = Products[(i + 1 + (i / 7 % (Products.Length - 1))) % Products.Length];
            var otherTopic = Topics[(i / Products.Length + 1 + i % 3) % Topics.Length].Second;
            pairs.Add((i % 3) switch
            {
                0 => new QuestionPair(product + first, "我的" + product + second, Same: true),
                1 => new QuestionPair(product + first, otherProduct + second, Same: false),
                _ => new QuestionPair(product + first, product + otherTopic, Same: false),
            });
        }

        return pairs;
    }
}
