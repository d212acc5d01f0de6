using System.Text.RegularExpressions;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Escalation;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// Cue words in a chat message, clause by clause, with their negation (不需要 is not 需要, "not interested" is not
/// "interested"). Text and cues are compared normalized (<see cref="TextNormalizer"/>) and without apostrophes, so
/// "I'll" and "ill", 幫我辦 and 帮我办 are one.
/// </summary>
internal static partial class MessageCues
{
    // Particles that may follow a one-word answer: 要的, 可以吧, 好啊, 不了哈.
    private static readonly char[] Particles = ['的', '吧', '啊', '呀', '哈', '呢', '嗯', '哦', '了'];

    /// <summary>The normalized message, cut into clauses at punctuation, in order; empty clauses left out.</summary>
    public static IReadOnlyList<string> Clauses(string text) =>
        [.. ClauseEnd().Split(Normalize(text)).Select(clause => clause.Trim()).Where(clause => clause.Length > 0)];

    public static string Normalize(string text) =>
        TextNormalizer.Normalize(text).Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);

    /// <summary>Whether the clause is just one of the words (with trailing particles): 需要的, 不了, nope.</summary>
    public static bool IsOnly(string clause, IReadOnlyList<string> words)
    {
        var bare = clause.TrimEnd(Particles);
        return words.Contains(bare.Length == 0 ? clause : bare, StringComparer.Ordinal);
    }

    /// <summary>Whether the clause says one of the cues without negating it.</summary>
    public static bool Affirms(string clause, IReadOnlyList<string> cues) => cues.Any(cue => Mentions(clause, cue, negated: false));

    /// <summary>Whether the clause negates one of the cues: 不太感兴趣, "don't want it".</summary>
    public static bool Negates(string clause, IReadOnlyList<string> cues) => cues.Any(cue => Mentions(clause, cue, negated: true));

    /// <summary>Whether the message asks something: a question mark, 吗/呢 at a clause end, or a question word.</summary>
    public static bool AsksSomething(string text)
    {
        var normalized = Normalize(text);
        return normalized.Contains('?', StringComparison.Ordinal) || Question().IsMatch(normalized);
    }

    private static bool Mentions(string clause, string cue, bool negated)
    {
        var english = char.IsAsciiLetter(cue[0]);
        for (var at = clause.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(cue, at + 1, StringComparison.Ordinal))
        {
            if ((!english || IsWholeWord(clause, at, cue.Length)) && Negation.Negates(clause, at, english) == negated)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWholeWord(string text, int at, int length) =>
        (at == 0 || !char.IsAsciiLetter(text[at - 1])) && (at + length == text.Length || !char.IsAsciiLetter(text[at + length]));

    [GeneratedRegex(@"[,.;!?，。；！？、~～\n]+")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"[吗呢么](?=$|[,.;!，。；！\s])|怎么|什么|为什么|多少|哪|\b(how|what|when|why|where|which)\b")]
    private static partial Regex Question();
}
