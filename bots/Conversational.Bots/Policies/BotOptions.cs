using System.ComponentModel.DataAnnotations;

namespace Conversational.Bots.Policies;

/// <summary>The bot's behaviour. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Decisions one turn may act on before the bot stops and waits, so no policy bug can loop forever.</summary>
    [Range(1, 50)]
    public int MaxStepsPerTurn { get; set; } = 10;

    /// <summary>
    /// Customer messages in a row the bot may not understand (反复未识别) before it hands the customer to a person; the
    /// misses before that are answered with "which of these do you mean?" or the step's question again.
    /// </summary>
    [Range(1, 10)]
    public int HandoffAfterMisunderstandings { get; set; } = 2;

    /// <summary>The language of new conversations when the channel does not say.</summary>
    [RegularExpression("^(zh-CN|en)$", ErrorMessage = "Bot:DefaultLocale must be zh-CN or en.")]
    public string DefaultLocale { get; set; } = "zh-CN";

    /// <summary>
    /// Channels whose login proves who the customer is (the app's customer token; on Direct Line, a user id only the
    /// merchant's back end can choose, with the secret), so skills that need identity (账单分期) skip the one-time code
    /// for the customers they know. Visitors are never verified.
    /// </summary>
    public string[] VerifiedChannels { get; set; } = ["app", "cli", "directline"];

    /// <summary>
    /// The knowledge confidence a message the intent model could not place (out of scope) needs before the bot answers
    /// it from knowledge. Higher than the search's own floor (which FAQ-topic messages use, the intent model being the
    /// second opinion): on the demo knowledge, unrelated messages reach 0.38–0.54 ("火星上有没有外卖", "what happened
    /// to my order") while covered questions score above 0.9.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UnplacedKnowledgeFloor { get; set; } = 0.6;
}
