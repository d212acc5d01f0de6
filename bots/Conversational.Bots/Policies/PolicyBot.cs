using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Policies;

/// <summary>
/// The bot: understand the message; give it to the skill dialog in progress or the one it asks for; otherwise let the
/// policy decide and the executor act, step by step, until the policy says listen or the step cap is reached.
/// </summary>
public sealed partial class PolicyBot(IUnderstanding understanding, SkillDispatcher skills, ITurnPolicy policy,
    DecisionExecutor executor, IOptions<BotOptions> options, ILogger<PolicyBot> logger) : IBot
{
    public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Activity is { Type: ActivityTypes.Message, Text: { } text })
        {
            context.Understanding = await understanding.UnderstandAsync(text, cancellationToken);
            context.Record(new IntentRecognized(context.Understanding.Intent, context.Understanding.Confidence));
            if (await skills.TryHandleAsync(context, cancellationToken))
            {
                return;
            }
        }

        var maxSteps = options.Value.MaxStepsPerTurn;
        for (var step = 0; step < maxSteps; step++)
        {
            var decision = policy.Decide(context);
            if (decision is ListenDecision)
            {
                return;
            }

            executor.Execute(decision, context);
        }

        LogStepCapReached(context.State.ConversationId, maxSteps);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn in {ConversationId} reached the cap of {MaxSteps} steps; waiting for the customer")]
    private partial void LogStepCapReached(string conversationId, int maxSteps);
}
