using System.Collections.Frozen;
using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Matching;

/// <summary>
/// Turns a question pair into similarities the matcher's trees split on: character n-gram overlap at n = 1..3,
/// IDF-weighted overlap, edit distance, common substrings, lengths, numbers, and whether cue words — question types,
/// negation, products such as 花呗/借呗 — appear on both sides or on one only. Every feature is symmetric, so (a, b)
/// and (b, a) featurize alike. Which differing characters matter is learned by <see cref="PairBagModel"/>.
/// </summary>
/// <remarks>
/// The IDF weights come from the training questions, so the
/// featurizer is fitted on the training data (<see cref="Fit"/>) and only reads them afterwards (thread-safe).
/// </remarks>
public sealed class PairFeaturizer
{
    private const char MaskedDigits = '#';

    /// <summary>
    /// Cue words whose presence on one side only often changes the meaning (when vs how, can vs cannot, one product vs
    /// another); each group counts as one cue.
    /// </summary>
    private static readonly string[][] Cues =
    [
        ["怎么", "如何", "怎样", "how"], ["为什么", "为何", "怎么回事", "why"], ["什么时候", "多久", "几天", "何时", "when"],
        ["多少", "几", "how much"], ["能不能", "可不可以", "可以", "能否", "能", "can"], ["吗", "么"], ["哪", "where"],
        ["是不是", "是否"], ["什么", "what"], ["不", "没", "无", "未", "别", "not", "no"], ["用不了", "不能用", "不可以用"],
        ["还款", "还钱", "还"], ["额度"], ["提前"], ["分期"], ["逾期"], ["利息", "手续费", "费"], ["账单"],
        ["关闭", "取消", "注销", "关掉"], ["开通", "开启", "激活"], ["提额", "提升", "提高", "增加"], ["降", "减少"], ["临时"],
        ["冻结"], ["收款"], ["退款", "退"], ["花呗"], ["借呗"], ["余额宝"], ["信用卡"], ["银行卡"], ["网商贷"], ["芝麻", "信用分"],
        ["红包", "券"], ["自动"], ["扣款", "扣"], ["到账"], ["借款", "借钱", "借"], ["充值"], ["支付宝"], ["淘宝", "天猫"],
        ["商家", "卖家"], ["最低"], ["全部", "全额"], ["额外"], ["人工", "客服"], ["申请"], ["审核"],
    ];

    private const int OverlapFeatures = 3 * 4;
    private const int CueOffset = OverlapFeatures + 4 + 4 + 2 + 3 + 3;

    private readonly FrozenDictionary<string, float> _idf;
    private readonly float _unknownIdf;

    private PairFeaturizer(FrozenDictionary<string, float> idf, float unknownIdf)
    {
        _idf = idf;
        _unknownIdf = unknownIdf;
    }

    /// <summary>Length of the feature vector.</summary>
    public static int Length => CueOffset + Cues.Length * 2;

    /// <summary>Learns the characters' and bigrams' inverse document frequencies from the training questions.</summary>
    public static PairFeaturizer Fit(IEnumerable<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var question in questions)
        {
            count++;
            var text = Prepare(question);
            foreach (var gram in Grams(text, 1).Keys.Concat(Grams(text, 2).Keys))
            {
                frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
            }
        }

        float Idf(int documents) => MathF.Log((count + 1f) / (documents + 1f)) + 1f;
        return new PairFeaturizer(frequency.ToFrozenDictionary(pair => pair.Key, pair => Idf(pair.Value), StringComparer.Ordinal), Idf(0));
    }

    /// <summary>Writes one pair's <see cref="Length"/> features into <paramref name="dense"/>.</summary>
    public void Featurize(string text1, string text2, Span<float> dense)
    {
        var a = Prepare(text1);
        var b = Prepare(text2);
        var position = 0;
        for (var n = 1; n <= 3; n++)
        {
            var (jaccard, smaller, larger, cosine) = Overlap(Grams(a, n), Grams(b, n));
            dense[position++] = jaccard;
            dense[position++] = smaller;
            dense[position++] = larger;
            dense[position++] = cosine;
        }

        for (var n = 1; n <= 2; n++)
        {
            var (shared, onlyA, onlyB) = WeightedOverlap(Grams(a, n), Grams(b, n));
            dense[position++] = shared / Math.Max(shared + onlyA + onlyB, 1e-6f);
            dense[position++] = Math.Max(onlyA, onlyB);
        }

        dense[position++] = Math.Min(a.Length, b.Length);
        dense[position++] = Math.Max(a.Length, b.Length);
        dense[position++] = Math.Abs(a.Length - b.Length);
        dense[position++] = Math.Min(a.Length, b.Length) / (float)Math.Max(Math.Max(a.Length, b.Length), 1);

        var edits = EditDistance(a, b);
        dense[position++] = edits;
        dense[position++] = edits / (float)Math.Max(Math.Max(a.Length, b.Length), 1);

        var shorter = Math.Max(Math.Min(a.Length, b.Length), 1);
        var subsequence = CommonSubsequence(a, b);
        dense[position++] = LongestCommonSubstring(a, b) / (float)shorter;
        dense[position++] = subsequence / (float)shorter;
        dense[position++] = subsequence / (float)Math.Max(Math.Max(a.Length, b.Length), 1);

        var digitsA = Digits(a);
        var digitsB = Digits(b);
        dense[position++] = digitsA.Length + digitsB.Length > 0 ? 1 : 0;
        dense[position++] = string.Equals(digitsA, digitsB, StringComparison.Ordinal) ? 1 : 0;
        dense[position++] = Math.Abs(a.Count(c => c == MaskedDigits) - b.Count(c => c == MaskedDigits));

        foreach (var cue in Cues)
        {
            var inA = CountCue(a, cue);
            var inB = CountCue(b, cue);
            dense[position++] = Math.Min(inA, inB);
            dense[position++] = Math.Abs(inA - inB);
        }

    }

    /// <summary>Normalized (<see cref="TextNormalizer"/>), without spaces or punctuation; AFQMC's masked amounts (***) become one mark.</summary>
    internal static string Prepare(string text)
    {
        var normalized = TextNormalizer.Normalize(text).Replace("***", MaskedDigits.ToString(), StringComparison.Ordinal);
        return string.Concat(normalized.Where(c => char.IsLetterOrDigit(c) || c == MaskedDigits));
    }

    private static Dictionary<string, int> Grams(string text, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= text.Length; i++)
        {
            var gram = text.Substring(i, n);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    private static (float Jaccard, float Smaller, float Larger, float Cosine) Overlap(
        Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        var shared = a.Keys.Count(b.ContainsKey);
        var dot = a.Sum(pair => pair.Value * (float)b.GetValueOrDefault(pair.Key));
        var norms = MathF.Sqrt(a.Values.Sum(v => (float)v * v)) * MathF.Sqrt(b.Values.Sum(v => (float)v * v));
        return (shared / (float)(a.Count + b.Count - shared), shared / (float)Math.Min(a.Count, b.Count),
            shared / (float)Math.Max(a.Count, b.Count), dot / norms);
    }

    private (float Shared, float OnlyA, float OnlyB) WeightedOverlap(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        float shared = 0, onlyA = 0, onlyB = 0;
        foreach (var gram in a.Keys)
        {
            if (b.ContainsKey(gram))
            {
                shared += IdfOf(gram);
            }
            else
            {
                onlyA += IdfOf(gram);
            }
        }

        foreach (var gram in b.Keys.Where(gram => !a.ContainsKey(gram)))
        {
            onlyB += IdfOf(gram);
        }

        return (shared, onlyA, onlyB);
    }

    private float IdfOf(string gram) => _idf.TryGetValue(gram, out var idf) ? idf : _unknownIdf;

    private static int CountCue(string text, string[] words) =>
        words.Sum(word => CountOccurrences(text, word)) switch { 0 => 0, 1 => 1, _ => 2 };

    private static int CountOccurrences(string text, string word)
    {
        var count = 0;
        for (var index = text.IndexOf(word, StringComparison.Ordinal); index >= 0;
             index = text.IndexOf(word, index + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static int LongestCommonSubstring(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        var best = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
        }

        return best;
    }

    private static int CommonSubsequence(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
