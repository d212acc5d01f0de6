using Conversational.Bots.Activities;

namespace Conversational.Bots.Handoff;

/// <summary>
/// A channel that cannot follow the conversation log and so must be handed what is said outside the customer's own
/// turn: an agent's reply, a ticket notice (工单通知), the bot's follow-up after an agent hands back or closes. WeChat is
/// one: it answers a push and otherwise speaks only through its API. Channels that stream the log (the app, Direct
/// Line) need none. Registered as an enumerable; each implementation ignores the channels that are not its own.
/// </summary>
public interface IOutOfTurnDelivery
{
    /// <summary>Sends <paramref name="activities"/> to the customer if the conversation is on this channel.</summary>
    /// <param name="channelId">The conversation's channel, as stored on its activities.</param>
    /// <param name="customerId">The conversation's customer.</param>
    Task DeliverAsync(string channelId, string customerId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
