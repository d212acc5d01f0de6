using Conversational.Bots.Conversations;

namespace Conversational.Bots.Turns;

/// <summary>
/// While an agent owns the conversation the bot stays silent: the message is already in the log, where the agent
/// desk reads it. Like a paused tracker, nothing after this gate runs.
/// </summary>
public sealed class AgentOwnershipGate : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.State.Owner == ConversationOwner.Agent ? Task.CompletedTask : next(cancellationToken);
    }
}
