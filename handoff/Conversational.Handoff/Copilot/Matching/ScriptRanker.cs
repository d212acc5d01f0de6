using System.Runtime.CompilerServices;

namespace Conversational.Handoff.Copilot;

/// <summary>What the suggestions are for: the conversation's business, intent and language, the customer's latest text and the variables known.</summary>
public sealed record ScriptQuery(string Business, string? Intent, string Language, string CustomerText, IReadOnlyDictionary<string, string> Variables);

/// <summary>A script ready to insert: its text with the known variables filled, and those still to complete.</summary>
public sealed record RankedScript(ReplyScript Script, string Text, double Score, IReadOnlyList<string> MissingVariables);

/// <summary>
/// Ranks the script library (话术库) for the customer's latest message.
/// <para>
/// Candidates are the scripts in the query's language that are not retired and that share something with the query:
/// the intent, the business, or a keyword found in the customer's text. Scripts in another language are never
/// suggested. The score adds:
/// </para>
/// <list type="bullet">
/// <item><see cref="IntentWeight"/> (4) when the script lists the query's intent;</item>
/// <item><see cref="BusinessWeight"/> (2) when it is of the query's business;</item>
/// <item>1 per keyword found in the customer's text, at most <see cref="MaxKeywordHits"/> (3);</item>
/// <item>the share of the customer's character pairs (bigrams, after <see cref="ConceptMatcher.Normalize"/>) that also
/// occur in the script's title, keywords or text, between 0 and 1: it orders scripts that tie on the above.</item>
/// </list>
/// <para>
/// So the intent outweighs the business, and a script of the right intent and business (6) is never beaten by keywords
/// alone (at most 3 + 1). Equal scores go to the script with fewer variables left to complete, then by id.
/// </para>
/// </summary>
public static class ScriptRanker
{
    public const double IntentWeight = 4;
    public const double BusinessWeight = 2;
    public const int MaxKeywordHits = 3;

    // A script's normalized keywords and character pairs, kept while the script (its catalogue version) lives:
    // normalizing Chinese goes through ICU, and the same library is ranked on every customer message.
    private static readonly ConditionalWeakTable<ReplyScript, ScriptTerms> Terms = new();

    private sealed record ScriptTerms(string[] Keywords, HashSet<string> Pairs);

    public static IReadOnlyList<RankedScript> Rank(IReadOnlyList<ReplyScript> scripts, ScriptQuery query, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var customer = ConceptMatcher.Normalize(query.CustomerText);
        var customerPairs = Bigrams(customer);
        return
        [
            .. scripts
                .Where(script => !script.Retired && string.Equals(script.Language, query.Language, StringComparison.OrdinalIgnoreCase))
                .Select(script => Score(script, query, customer, customerPairs))
                .OfType<RankedScript>()
                .OrderByDescending(ranked => ranked.Score)
                .ThenBy(ranked => ranked.MissingVariables.Count)
                .ThenBy(ranked => ranked.Script.Id, StringComparer.Ordinal)
                .Take(max),
        ];
    }

    private static RankedScript? Score(ReplyScript script, ScriptQuery query, string customer, HashSet<string> customerPairs)
    {
        var intent = query.Intent is not null && script.Intents.Contains(query.Intent, StringComparer.Ordinal);
        var business = string.Equals(script.Business, query.Business, StringComparison.Ordinal);
        var terms = Terms.GetValue(script, Prepare);
        var keywordHits = terms.Keywords.Count(keyword => customer.Contains(keyword, StringComparison.Ordinal));
        if (!intent && !business && keywordHits == 0)
        {
            return null;
        }

        var score = (intent ? IntentWeight : 0) + (business ? BusinessWeight : 0) + Math.Min(keywordHits, MaxKeywordHits)
            + Overlap(customerPairs, terms.Pairs);
        var text = ScriptVariables.Fill(script.Text, query.Variables);
        return new RankedScript(script, text, score, ScriptVariables.Names(text));
    }

    private static ScriptTerms Prepare(ReplyScript script) => new(
        [.. script.Keywords.Select(ConceptMatcher.Normalize).Where(keyword => keyword.Length > 0)],
        Bigrams(ConceptMatcher.Normalize(string.Join(' ', [script.Title, .. script.Keywords, script.Text]))));

    // The share of the customer's bigrams the script also has: 0 with no text, 1 when the script has them all.
    private static double Overlap(HashSet<string> customerPairs, HashSet<string> scriptPairs) =>
        customerPairs.Count == 0 ? 0 : customerPairs.Count(scriptPairs.Contains) / (double)customerPairs.Count;

    private static HashSet<string> Bigrams(string text) =>
        [.. Enumerable.Range(0, Math.Max(0, text.Length - 1)).Select(i => text.Substring(i, 2))];
}
