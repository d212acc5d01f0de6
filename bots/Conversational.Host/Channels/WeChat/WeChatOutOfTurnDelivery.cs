using Conversational.Bots.Activities;
using Conversational.Bots.Handoff;
using Conversational.Host.Channels.WeChat.CustomerService;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat;

/// <summary>
/// What a WeChat customer is told outside their own turn (an agent's reply, a ticket notice, the bot after an agent hands
/// back or closes) goes through the customer-service message API (客服消息) to the follower's OpenID, rendered as a
/// turn's replies are, and queued behind them. The sender retries a busy API with backoff and drops what WeChat refuses,
/// such as a message more than 48 hours after the customer last wrote. With WeChat's own desk serving the humans
/// (<see cref="AgentDeskMode.WeChat"/>) our desk does not talk to the customer, so nothing is sent.
/// </summary>
public sealed partial class WeChatOutOfTurnDelivery(WeChatConversations conversations, CustomerServiceMessages customerService,
    IOptions<WeChatOptions> options, ILogger<WeChatOutOfTurnDelivery> logger) : IOutOfTurnDelivery
{
    public async Task DeliverAsync(string channelId, string customerId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var settings = options.Value;
        if (channelId != WeChatConversations.Channel || !settings.Enabled || settings.AgentDeskMode == AgentDeskMode.WeChat)
        {
            return;
        }

        var texts = WeChatTextRenderer.Render(activities, settings.MaxTextBytes);
        if (texts.Count == 0)
        {
            return;
        }

        var openIds = await conversations.OpenIdsOfAsync(customerId, cancellationToken);
        if (openIds.Count == 0)
        {
            LogNoFollower(customerId, texts.Count);
            return;
        }

        customerService.Enqueue(openIds.SelectMany(openId => texts.Select(text => new CustomerServiceMessage(openId, text))));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CustomerId} has no WeChat follower bound any more; {Count} texts are not sent")]
    private partial void LogNoFollower(string customerId, int count);
}
