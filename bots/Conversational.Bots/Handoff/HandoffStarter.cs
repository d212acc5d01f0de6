using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Routing;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Handoff;

/// <summary>
/// Carries out a <see cref="HandOffDecision"/> (转人工): records the request with its reason and the dialog to resume,
/// routes the conversation, and either queues it in the skill group (telling the customer how many of their own level
/// are ahead and the wait) or, when nobody serves at this hour (reception bot-only), offers to leave a message.
/// </summary>
public sealed partial class HandoffStarter(HandoffRouter router, HandoffQueue queue, ILogger<HandoffStarter> logger)
{
    /// <summary>The profile tag naming a VIP's dedicated agent (专属客服): <c>dedicated:agent1</c>.</summary>
    public const string DedicatedAgentTagPrefix = "dedicated:";

    public async Task StartAsync(HandOffDecision decision, TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        var wording = HandoffWording.For(context.Language);
        context.Record(new HandoffRequested(decision.Reason, decision.Dialog));
        var lead = wording.Leads.TryGetValue(decision.Reason, out var why) ? why : "";

        // The dialog the customer is in says what they need better than "转人工" or a message the bot missed.
        var topic = decision.Dialog?.Skill ?? state.ActiveDialog?.Skill ?? context.Understanding?.Intent;
        var (request, target) = await router.RouteAsync(state, topic, cancellationToken);
        if (target.Reception == ReceptionMode.BotOnly)
        {
            LogNotQueued(state.ConversationId, decision.Reason, target.SkillGroup);
            context.Reply(lead + wording.OutsideHours, [wording.LeaveMessageOption]);
            return;
        }

        // Idempotent per open conversation, so a turn retried after a write conflict finds the same place in the queue.
        var position = await queue.EnqueueAsync(new QueueRequest(state.ConversationId, state.CustomerId, target.SkillGroup, target.Priority,
            request.VipLevel, DedicatedAgent(request.Tags), decision.Reason), cancellationToken);
        LogQueued(state.ConversationId, decision.Reason, position.SkillGroup, position.Priority, position.AheadOfSameLevel);
        context.Record(new HandoffQueued(position.SkillGroup, position.Priority));
        context.Reply(lead + wording.Queued(position.AheadOfSameLevel, WaitMinutes(position)),
            [wording.LeaveMessageOption, wording.StopWaitingOption]);
    }

    /// <summary>The wait in whole minutes as the customer is told it: rounded up, and never "0 minutes".</summary>
    public static int WaitMinutes(QueuePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Math.Max(1, (int)Math.Ceiling(position.EstimatedWait.TotalMinutes));
    }

    private static string? DedicatedAgent(IReadOnlyList<string> tags) =>
        tags.FirstOrDefault(tag => tag.StartsWith(DedicatedAgentTagPrefix, StringComparison.Ordinal))?[DedicatedAgentTagPrefix.Length..];

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Handoff {ConversationId} ({Reason}) queued in {SkillGroup} at priority {Priority}, {Ahead} of the same level ahead")]
    private partial void LogQueued(string conversationId, string reason, string skillGroup, int priority, int ahead);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Handoff {ConversationId} ({Reason}) not queued: {SkillGroup} is bot-only now; a message is offered")]
    private partial void LogNotQueued(string conversationId, string reason, string skillGroup);
}
