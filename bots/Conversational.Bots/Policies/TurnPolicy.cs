using Conversational.Bots.Activities;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Policies;

/// <summary>
/// Maps a turn to the next <see cref="Decision"/>. Pure: it reads the turn and the conversation state and
/// touches nothing, so every rule can be tested as a table.
/// </summary>
public sealed class TurnPolicy : ITurnPolicy
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
            Intents.TransferToHuman => new HandOffDecision(HandoffReasons.CustomerAsked, context.State.ActiveDialog),
            // The first miss asks which task the customer means; a second miss in a row offers a person instead.
            _ when context.State.ConsecutiveMisunderstandings >= 1 =>
                new ReplyDecision(messages.OfferHuman, [messages.TransferToHumanOption]),
            _ => new ClarifyDecision(messages.MenuOptions),
        };
    }
}
