using System.Globalization;
using System.Text;
using Conversational.Bots.Activities;

namespace Conversational.Host.Channels.WeChat;

/// <summary>
/// The bot's replies as WeChat text messages. WeChat has no buttons in a text message, so quick replies become
/// numbered lines the customer answers with a digit (<see cref="WeChatOptionPicker"/>), and a reply longer than one
/// message's limit (2048 bytes of UTF-8) is split, at line breaks where it can be.
/// </summary>
public static class WeChatTextRenderer
{
    /// <summary>The line above the numbered options.</summary>
    public const string ChooseInChinese = "回复数字选择：";

    /// <inheritdoc cref="ChooseInChinese"/>
    public const string ChooseInEnglish = "Reply with a number:";

    public static IReadOnlyList<string> Render(IEnumerable<Activity> replies, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 16);
        return [.. replies.Where(a => a.Type == ActivityTypes.Message).Select(Compose).Where(t => t.Length > 0)
            .SelectMany(text => Split(text, maxBytes))];
    }

    private static string Compose(Activity reply)
    {
        var text = new StringBuilder(reply.Text?.Trim() ?? "");
        if (reply.SuggestedActions is { Actions.Count: > 0 } suggested)
        {
            text.AppendLine().Append(reply.Locale is { } locale && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)
                ? ChooseInEnglish
                : ChooseInChinese);
            for (var i = 0; i < suggested.Actions.Count; i++)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"{i + 1}. {suggested.Actions[i].Title}");
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Pieces of at most <paramref name="maxBytes"/> UTF-8 bytes: whole lines when they fit, else whole characters.</summary>
    public static IEnumerable<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var piece = new StringBuilder();
        var pieceBytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var bytes = rune.Utf8SequenceLength;
            while (pieceBytes + bytes > maxBytes)
            {
                var cut = LastLineBreak(piece);
                var head = (cut > 0 ? piece.ToString(0, cut) : piece.ToString()).Trim();
                if (head.Length > 0)
                {
                    yield return head;
                }

                piece.Remove(0, cut > 0 ? cut + 1 : piece.Length);
                pieceBytes = Encoding.UTF8.GetByteCount(piece.ToString());
            }

            piece.Append(rune.ToString());
            pieceBytes += bytes;
        }

        if (piece.ToString().Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    private static int LastLineBreak(StringBuilder piece)
    {
        for (var i = piece.Length - 1; i > 0; i--)
        {
            if (piece[i] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
