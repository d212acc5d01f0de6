namespace Conversational.Handoff.Copilot;

public sealed record ScriptQuery(string Business, string? Intent, string Language, string CustomerText, IReadOnlyDictionary<string, string> Variables);

public sealed record RankedScript(ReplyScript Script, string Text, double Score, IReadOnlyList<string> MissingVariables);

public static class ScriptRanker
{
    public static IReadOnlyList<RankedScript> Rank(IReadOnlyList<ReplyScript> scripts, ScriptQuery query, int max = 3) =>
        throw new NotImplementedException();
}
