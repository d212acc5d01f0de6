using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Policies;

/// <summary>
/// The bot: understand the message; give it to the skill dialog in progress or the one it asks for; otherwise look an
/// FAQ topic or an out-of-scope message up in the knowledge base (in the reply language, on the activity's channel), let the
/// policy decide and the executor act, step by step, until the policy says listen or the step cap is reached.
/// </summary>
public sealed partial class PolicyBot(IUnderstanding understanding, SkillDispatcher skills, KnowledgeAnswerer knowledge, ITurnPolicy policy,
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

            var intent = context.Understanding.Intent;
            if (context.State.ActiveDialog is null && (Intents.IsFaq(intent) || intent == Intents.OutOfScope))
            {
                context.Knowledge = await knowledge.LookUpAsync(text, context.Language, context.Activity.ChannelId ?? context.State.Channel,
                    Intents.IsFaq(intent) ? 0 : options.Value.UnplacedKnowledgeFloor, cancellationToken);
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
