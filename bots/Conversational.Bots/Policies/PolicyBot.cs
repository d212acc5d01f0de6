using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Policies;

/// <summary>
/// The bot: understand the message; hand it to a person straight away if it triggers that (<see cref="HandoffTriggers"/>);
/// give it to the skill dialog in progress or the one it asks for; otherwise look an
/// FAQ topic or an out-of-scope message up in the knowledge base (in the reply language, on the activity's channel), let the
/// policy decide and the executor act, step by step, until the policy says listen or the step cap is reached.
/// </summary>
public sealed partial class PolicyBot(IUnderstanding understanding, HandoffTriggers triggers, SkillDispatcher skills,
    KnowledgeAnswerer knowledge, ITurnPolicy policy, DecisionExecutor executor, HandoffStarter handoffs, IOptions<BotOptions> options,
    ILogger<PolicyBot> logger) : IBot
{
    public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Activity is { Type: ActivityTypes.Message, Text: { } text })
        {
            context.Understanding = await understanding.UnderstandAsync(text, cancellationToken);
            context.Record(new IntentRecognized(context.Understanding.Intent, context.Understanding.Confidence));
            if (await triggers.BeforeSkillsAsync(context, cancellationToken) is { } handOff)
            {
                await ActAsync(handOff, context, cancellationToken);
                return;
            }

            if (await skills.TryHandleAsync(context, cancellationToken) is { } handled)
            {
                await ActAsync(handled, context, cancellationToken);
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

            await ActAsync(decision, context, cancellationToken);
        }

        LogStepCapReached(context.State.ConversationId, maxSteps);
    }

    private async Task ActAsync(Decision decision, TurnContext context, CancellationToken cancellationToken)
    {
        if (decision is HandOffDecision handOff)
        {
            await handoffs.StartAsync(handOff, context, cancellationToken);
        }
        else
        {
            executor.Execute(decision, context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn in {ConversationId} reached the cap of {MaxSteps} steps; waiting for the customer")]
    private partial void LogStepCapReached(string conversationId, int maxSteps);
}
