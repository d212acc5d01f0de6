namespace Conversational.Knowledge.Understanding;

/// <summary>Whether normalized text mentions a cue word, the same way wherever the bot looks for one.</summary>
public static class TextCues
{
    /// <summary>
    /// Chinese cues match anywhere (Chinese has no word boundaries); English ones only as whole words, so "hi" is not
    /// in "this" and "fee" is not in "coffee".
    /// </summary>
    public static bool Mentions(string text, string cue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(cue);
        if (!char.IsAsciiLetter(cue[0]))
        {
            return text.Contains(cue, StringComparison.Ordinal);
        }

        for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + 1, StringComparison.Ordinal))
        {
            var end = at + cue.Length;
            if ((at == 0 || !char.IsAsciiLetter(text[at - 1])) && (end == text.Length || !char.IsAsciiLetter(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
