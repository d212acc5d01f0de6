using System.Text.RegularExpressions;
using Conversational.Bots.Activities;
using Conversational.Bots.Turns;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Assignment;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The answer to the rating the bot asked for after an agent closed the chat (满意度): a score from 1 to 5 becomes
/// <see cref="AgentRated"/>, and assignment learns it (an agent rated 1 or 2 is never offered to this customer again).
/// Any other message is the customer moving on, and the bot handles it as usual.
/// </summary>
public sealed partial class AgentRatingMiddleware(AgentRatings ratings) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.State is { Owner: ConversationOwner.Bot, RatingAgentId: { } agentId }
            && context.Activity is { Type: ActivityTypes.Message, Text: { } text } && Score(text) is { } score)
        {
            await ratings.RecordAsync(context.State.CustomerId, agentId, score, cancellationToken);
            context.Record(new AgentRated(agentId, score));
            context.Reply(HandoffWording.For(context.Language).Rated(score));
            return;
        }

        await next(cancellationToken);
    }

    /// <summary>5, 5分, 5 非常满意 (the quick reply), 五星: the score; null for anything else.</summary>
    public static int? Score(string text)
    {
        var match = ScorePattern().Match(TextNormalizer.Normalize(text ?? "").Trim());
        if (!match.Success)
        {
            return null;
        }

        var digit = match.Groups["n"].Value[0];
        return digit is >= '1' and <= '5' ? digit - '0' : "一二三四五".IndexOf(digit, StringComparison.Ordinal) + 1;
    }

    // A score alone, with its unit, or followed by the quick reply's words; not a number inside a sentence ("5月的账单").
    [GeneratedRegex(@"^(?<n>[1-5一二三四五])\s*(?:分|星|颗星|stars?|/5)?(?:\s+\S.*|\s*(?:非常)?(?:满意|不满意|一般))?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScorePattern();
}
