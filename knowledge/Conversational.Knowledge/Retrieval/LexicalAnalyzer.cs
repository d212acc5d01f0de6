namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// The terms BM25 indexes and searches (分词): each word, cut to its first <see cref="StemLength"/> characters (a crude
/// stemmer: refunded, refunding → refund), and for CJK runs every character and every pair of neighbouring characters
/// (信用卡 → 信 用 卡 信用 用卡), so 账单分期 matches 分期 without a dictionary.
/// </summary>
public static class LexicalAnalyzer
{
    public const int StemLength = 6;

    /// <summary>What a query is scored by: its terms, each once, in the order they first occur.</summary>
    public static string[] DistinctTerms(string text) => [.. Terms(text).Distinct(StringComparer.Ordinal)];

    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var segment in TextSegments.Split(text))
        {
            var value = segment.Text;
            if (!segment.IsCjk)
            {
                terms.Add(value.Length > StemLength ? value[..StemLength] : value);
                continue;
            }

            for (var i = 0; i < value.Length; i++)
            {
                terms.Add(value.Substring(i, 1));
                if (i + 1 < value.Length)
                {
                    terms.Add(value.Substring(i, 2));
                }
            }
        }

        return terms;
    }
}
