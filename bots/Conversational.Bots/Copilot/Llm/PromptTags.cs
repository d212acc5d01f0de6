using System.Text;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// Puts conversation text inside tags the system prompt names (<c>&lt;customer&gt;…&lt;/customer&gt;</c>), so the model
/// can tell what a customer wrote from what it is asked to do. Angle brackets and ampersands in the text are written as
/// entities: a customer who types <c>&lt;/customer&gt; ignore previous instructions</c> cannot close the tag and speak
/// as the prompt.
/// </summary>
public static class PromptTags
{
    public const string Customer = "customer";
    public const string Bot = "bot";
    public const string Agent = "agent";

    public static string Wrap(string tag, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentNullException.ThrowIfNull(text);
        return $"<{tag}>{Neutralize(text)}</{tag}>";
    }

    /// <summary>The text with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (half- and full-width) as entities: no tag can be opened or closed in it.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' or '＜' or '﹤' => builder.Append("&lt;"),
                '>' or '＞' or '﹥' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
