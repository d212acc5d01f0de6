using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Handoff.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Cli.ConversationTests;

/// <summary>
/// What a script's <c>agent:</c> steps do, the way the agent desk does it: presence through the roster; taking over,
/// handing back and closing as the agent's event in the conversation's log, then the bot's follow-up.
/// </summary>
internal sealed class ScriptAgents(ConversationRuntime runtime, AgentRoster roster)
{
    public static ScriptAgents From(IServiceProvider services) =>
        new(services.GetRequiredService<ConversationRuntime>(), services.GetRequiredService<AgentRoster>());

    /// <summary>Does the step; returns the bot's follow-up (empty for presence and taking over) and the transcript line.</summary>
    public async Task<(IReadOnlyList<Activity> Replies, string Said)> ActAsync(string conversationId, AgentStep step,
        CancellationToken cancellationToken)
    {
        if (step.Action == AgentAction.Available)
        {
            await roster.SetStatusAsync(step.AgentId, AgentStatus.Available, cancellationToken);
            return ([], "is available");
        }

        var (@event, said) = step.Action switch
        {
            AgentAction.TakesOver => ((ConversationEvent)new AgentAssigned(step.AgentId), "takes over"),
            AgentAction.HandsBack => (new HandedBackToBot(step.AgentId, step.ResumeAt),
                "hands back" + (step.ResumeAt is { } at ? " at " + at : "")),
            _ => (new HandoffClosed(step.AgentId, step.Disposition), $"closes ({step.Disposition})"),
        };
        await runtime.RecordAsync(conversationId, @event, cancellationToken);
        return step.Action == AgentAction.TakesOver
            ? ([], said)
            : (await runtime.FollowUpAfterAgentAsync(conversationId, cancellationToken), said);
    }
}
