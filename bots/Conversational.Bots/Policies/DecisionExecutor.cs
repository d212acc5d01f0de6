using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;

namespace Conversational.Bots.Policies;

/// <summary>Carries out a <see cref="Decision"/> by recording events and replies on the turn.</summary>
public sealed class DecisionExecutor
{
    public void Execute(Decision decision, TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = BotMessages.For(context.Language);
        switch (decision)
        {
            case ReplyDecision reply:
                context.Reply(reply.Text, reply.QuickReplies);
                break;
            case KnowledgeAnswerDecision { Answer: var answer }:
                context.Record(new KnowledgeAnswered(answer.EntryId, answer.Title, answer.Confidence));
                context.Reply(answer.Text + "\n\n" + messages.Citation(answer.Title, answer.EntryId));
                break;
            case ClarifyDecision clarify:
                context.Reply(messages.Clarify, clarify.Options);
                break;
            case HandOffDecision handOff:
                // The request is recorded now so that the handoff area, when it lands, finds every past request.
                context.Record(new HandoffRequested(handOff.Reason, handOff.Dialog));
                context.Reply(messages.HandoffNotYetAvailable);
                break;
            default:
                throw new NotSupportedException($"No executor for {decision.GetType().Name}.");
        }
    }
}
