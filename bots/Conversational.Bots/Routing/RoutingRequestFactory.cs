using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Handoff.Routing;

namespace Conversational.Bots.Routing;

/// <summary>
/// Gathers what routing reads, where the bots area keeps it: tier, VIP level, tags and region from the customer's
/// profile, channel and skill in progress from the conversation, and whether the customer is returning (回头客: has a
/// conversation other than this one). Lives here because handoff must not depend on bots.
/// </summary>
public sealed class RoutingRequestFactory(ICustomerDirectory customers, IConversationStore conversations, TimeProvider time)
{
    /// <summary>
    /// The request for a conversation now, with the intent just recognized. A customer without a profile (a channel that
    /// never registered them) is routed as a new visitor rather than not at all.
    /// </summary>
    public async Task<RoutingRequest> ForConversationAsync(ConversationState state, string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        return await BuildAsync(state.CustomerId, intent, state.ActiveDialog?.Skill, state.Channel, now, state.ConversationId, cancellationToken)
            ?? new RoutingRequest(CustomerTags.Visitor, 0, [], false, intent, state.ActiveDialog?.Skill, null, null, state.Channel, now);
    }

    /// <summary>The request for a customer in any situation (the explain API); null when there is no such customer.</summary>
    /// <param name="currentConversationId">The conversation being routed, which does not make its customer a returning one.</param>
    public async Task<RoutingRequest?> BuildAsync(string customerId, string? intent, string? skill, string channel, DateTimeOffset at,
        string? currentConversationId, CancellationToken cancellationToken)
    {
        if (await customers.FindAsync(customerId, cancellationToken) is not { } profile)
        {
            return null;
        }

        var latest = await conversations.ListByCustomerAsync(customerId, limit: 2, cancellationToken);
        var returning = latest.Any(conversation => conversation.Id != currentConversationId);
        return new RoutingRequest(profile.Tier, profile.VipLevel, profile.Tags, returning, intent, skill, profile.Province, profile.City, channel, at);
    }
}
