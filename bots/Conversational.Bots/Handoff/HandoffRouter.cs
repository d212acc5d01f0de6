using Conversational.Bots.Conversations;
using Conversational.Bots.Routing;
using Conversational.Handoff.Routing;

namespace Conversational.Bots.Handoff;

/// <summary>Where a conversation goes by the routing rules (4W1H) now: skill group, reception mode and priority.</summary>
public sealed class HandoffRouter(RoutingRequestFactory requests, SqlRoutingRuleStore rules)
{
    // Before an admin ever saves rules, everyone waits in one ordinary queue: the demo set's default group.
    private static readonly RoutingTarget Unrouted = new("general", ReceptionMode.BotFirst, 10);

    /// <summary>The request built for the conversation and the target the rules give it.</summary>
    /// <param name="intent">What the customer needs, as an intent (or the skill of the dialog they are in).</param>
    public async Task<(RoutingRequest Request, RoutingTarget Target)> RouteAsync(ConversationState state, string? intent,
        CancellationToken cancellationToken)
    {
        var request = await requests.ForConversationAsync(state, intent, cancellationToken);
        var target = await rules.TableAsync(cancellationToken) is { Table: var table } ? table.Route(request).Target : Unrouted;
        return (request, target);
    }
}
