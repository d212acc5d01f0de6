using Conversational.Bots.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Handoff;

/// <summary>
/// Hands what was appended outside a customer's turn to every <see cref="IOutOfTurnDelivery"/>. The host that performed
/// the agent action calls this once, after the append and outside the turn lock, so each activity leaves once across
/// hosts. Not tied to the agent's request: the activities are stored already, and an aborted desk request must not
/// keep them from the customer; a channel's failure is logged, never thrown back at an action that has happened.
/// </summary>
public sealed partial class OutOfTurnDeliveries(IEnumerable<IOutOfTurnDelivery> channels, IHostApplicationLifetime lifetime,
    ILogger<OutOfTurnDeliveries> logger)
{
    private readonly IReadOnlyList<IOutOfTurnDelivery> _channels = [.. channels];

    /// <param name="activities">Activities of one conversation, as stored; they name its channel and customer.</param>
    public async Task DeliverAsync(IReadOnlyList<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (_channels.Count == 0 || activities is not [{ ChannelId: { } channelId, Recipient.Id: { } customerId }, ..])
        {
            return;
        }

        foreach (var channel in _channels)
        {
            try
            {
                await channel.DeliverAsync(channelId, customerId, activities, lifetime.ApplicationStopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogFailed(exception, activities[0].Conversation?.Id, channelId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering {ConversationId}'s out-of-turn messages on {Channel} failed; the customer may not see them")]
    private partial void LogFailed(Exception exception, string? conversationId, string channel);
}
