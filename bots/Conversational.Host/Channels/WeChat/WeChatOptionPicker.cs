using System.Globalization;
using System.Text;
using Conversational.Bots.Conversations;

namespace Conversational.Host.Channels.WeChat;

/// <summary>
/// A digit answers the numbered options of the bot's last reply (<see cref="WeChatTextRenderer"/>) as tapping that
/// quick reply would: "2" becomes option 2's value. The options are read off the conversation's log, so any host
/// maps the digit the same way.
/// </summary>
public static class WeChatOptionPicker
{
    /// <summary>Whether the customer's text could pick an option, so the log is read only then.</summary>
    public static bool LooksLikeChoice(string text) => Number(text) is { Length: > 0 and <= 2 } digits && digits.All(char.IsAsciiDigit);

    // Chinese keyboards may type full-width digits (１); NFKC makes them ASCII.
    private static string Number(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>The value of the option the text picks, or the text itself.</summary>
    public static string Pick(string text, IEnumerable<StoredEvent> log)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(log);
        var lastReply = log.Select(e => e.Event).OfType<BotReplied>().LastOrDefault();
        var options = lastReply?.Activity.SuggestedActions?.Actions ?? [];
        return int.TryParse(Number(text), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= options.Count
            ? options[number - 1].Value
            : text;
    }
}
