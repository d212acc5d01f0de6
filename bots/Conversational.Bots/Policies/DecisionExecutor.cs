using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;

namespace Conversational.Bots.Policies;

/// <summary>
/// Carries out a <see cref="Decision"/> by recording events and replies on the turn. A <see cref="HandOffDecision"/> is
/// not its to carry out: that takes routing and the queue (<see cref="Handoff.HandoffStarter"/>).
/// </summary>
public sealed class DecisionExecutor
{
    public void Execute(Decision decision, TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = BotMessages.For(context.Language);
        switch (decision)
        {
            case ListenDecision:
                break;
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
            default:
                throw new NotSupportedException($"No executor for {decision.GetType().Name}.");
        }
    }
}
