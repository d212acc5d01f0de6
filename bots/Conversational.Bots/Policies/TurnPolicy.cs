using Conversational.Bots.Activities;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Understanding;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Policies;

/// <summary>
/// Maps a turn to the next <see cref="Decision"/>. Pure: it reads the turn and the conversation state and
/// touches nothing, so every rule can be tested as a table.
/// </summary>
public sealed class TurnPolicy(IOptions<BotOptions> options) : ITurnPolicy
{
    public Decision Decide(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HasReplied)
        {
            return ListenDecision.Instance;
        }

        var messages = BotMessages.For(context.Language);
        if (context.Activity.Type == ActivityTypes.ConversationUpdate)
        {
            return new ReplyDecision(messages.Welcome, messages.MenuOptions);
        }

        if (context.Understanding is not { } understanding)
        {
            return ListenDecision.Instance;
        }

        return understanding.Intent switch
        {
            Intents.Greeting => new ReplyDecision(messages.Greeting, messages.MenuOptions),
            Intents.Help => new ReplyDecision(messages.Help, messages.MenuOptions),
            Intents.ThanksBye => new ReplyDecision(messages.Goodbye),
            Intents.ChitChat => new ReplyDecision(messages.ChitChat, messages.MenuOptions),
            Intents.TransferToHuman => new HandOffDecision(HandoffReasons.CustomerAsked, context.State.ActiveDialog),
            // A person should hear a complaint; the customer chooses, so a venting customer is not cut off mid-sentence.
            Intents.Complaint => new ReplyDecision(messages.Complaint, [messages.TransferToHumanOption]),
            // The knowledge base answers FAQ topics and, before the clarify ladder, messages the model could not place.
            _ when context.Knowledge?.Answer is { } answer => new KnowledgeAnswerDecision(answer),
            var intent when Intents.IsFaq(intent) => NoKnowledgeAnswer(messages),
            _ => NotUnderstood(context, understanding, messages),
        };
    }

    /// <summary>
    /// The clarify ladder. A miss asks which task the customer means: the model's top two candidates if it had two (a
    /// low-confidence guess), else the menu. The miss that makes <see cref="BotOptions.HandoffAfterMisunderstandings"/>
    /// in a row hands the customer to a person, since clarifying did not help and the knowledge base had no answer it trusts.
    /// </summary>
    private Decision NotUnderstood(TurnContext context, Understanding understanding, BotMessages messages)
    {
        if (context.State.ConsecutiveMisunderstandings + 1 >= options.Value.HandoffAfterMisunderstandings)
        {
            return new HandOffDecision(HandoffReasons.RepeatedMisunderstanding, context.State.ActiveDialog);
        }

        var candidates = understanding.Candidates.Select(candidate => messages.OptionFor(candidate.Intent)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Take(2).ToList();
        return new ClarifyDecision(candidates.Count == 2 ? candidates : messages.MenuOptions);
    }

    /// <summary>
    /// An FAQ topic the knowledge base has no answer it trusts for: the bot says it cannot answer and offers a person,
    /// instead of pretending it did not understand.
    /// </summary>
    private static Decision NoKnowledgeAnswer(BotMessages messages) =>
        new ReplyDecision(messages.NoAnswerYet, [messages.TransferToHumanOption]);
}
