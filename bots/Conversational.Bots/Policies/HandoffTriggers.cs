using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Bots.Turns;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Routing;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Escalation;

namespace Conversational.Bots.Policies;

/// <summary>
/// Handoff triggers that come before any skill or answer: strong abuse (负面情绪) or a threat to complain to a regulator
/// or the press (投诉升级), flagged on this very message; and at the customer's first message, routing that says a
/// person serves this customer only (仅人工), or first (人工优先) when an agent of the group is free, the bot serving
/// while no one is. The others are the customer asking (the policy), the bot missing too often (policy and dialogs)
/// and a skill's lockout (the dialog).
/// </summary>
public sealed class HandoffTriggers(HandoffRouter router, AgentRoster roster)
{
    /// <summary>The handoff this message triggers before the bot does anything else, or null.</summary>
    public async Task<HandOffDecision?> BeforeSkillsAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        if (state.Owner != ConversationOwner.Bot || context.Understanding is not { } understanding
            || understanding.Intent == Intents.TransferToHuman)
        {
            return null;
        }

        if (EmotionReason(context.Outbox) is { } reason)
        {
            return new HandOffDecision(reason, state.ActiveDialog);
        }

        if (state.CustomerMessages == 1)
        {
            var (_, target) = await router.RouteAsync(state, understanding.Intent, cancellationToken);
            if (target.Reception == ReceptionMode.HumanOnly
                || (target.Reception == ReceptionMode.HumanFirst && await AnyoneFreeAsync(target.SkillGroup, cancellationToken)))
            {
                return new HandOffDecision(HandoffReasons.ReceptionMode, state.ActiveDialog);
            }
        }

        return null;
    }

    private async Task<bool> AnyoneFreeAsync(string skillGroup, CancellationToken cancellationToken) =>
        (await roster.ListAsync(cancellationToken)).Any(agent => agent.Status == AgentStatus.Available
            && agent.ActiveChats < agent.Profile.MaxConcurrentChats
            && agent.Profile.Skills.Any(skill => string.Equals(skill.SkillGroup, skillGroup, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A complaint threat outranks abuse: it is what the agent must be ready for.</summary>
    public static string? EmotionReason(IEnumerable<ConversationEvent> turnEvents)
    {
        var high = turnEvents.OfType<EmotionFlagged>().Where(f => f.Level == SignalLevel.High).Select(f => f.Kind).ToList();
        return high.Contains(SignalKind.ComplaintThreat) ? HandoffReasons.ComplaintThreat
            : high.Contains(SignalKind.Abuse) ? HandoffReasons.NegativeEmotion
            : null;
    }
}
