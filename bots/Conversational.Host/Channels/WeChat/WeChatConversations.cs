using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Host.Channels.WeChat.Binding;
using Conversational.Storage;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat;

/// <summary>
/// Who a WeChat follower is to us: the member the OpenID is bound to (<see cref="WeChatBindings"/>), else the OpenID
/// itself (<c>wechat:&lt;OpenID&gt;</c>, a profile the merchant may have created under that id, else a visitor), with one
/// open WeChat conversation per follower.
/// </summary>
public sealed class WeChatConversations(IConversationStore store, ICustomerDirectory customers, ConversationRuntime runtime,
    WeChatBindings bindings, Database database, IOptions<BotOptions> botOptions)
{
    public const string Channel = "wechat";

    private const string CustomerIdPrefix = "wechat:";

    public static string CustomerId(string openId) => CustomerIdPrefix + openId;

    /// <summary>
    /// The followers a WeChat conversation's customer is, to write to: the OpenID of <c>wechat:&lt;OpenID&gt;</c>, else
    /// every OpenID bound to the member (none once the member was unbound).
    /// </summary>
    public async Task<IReadOnlyList<string>> OpenIdsOfAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return customerId.StartsWith(CustomerIdPrefix, StringComparison.Ordinal)
            ? [customerId[CustomerIdPrefix.Length..]]
            : await bindings.OpenIdsOfAsync(customerId, cancellationToken);
    }

    /// <summary>
    /// The follower's open conversation, or a new one (the bot greets in it) when there is none or <paramref name="fresh"/>
    /// asks for one, as a new follow does.
    /// </summary>
    /// <returns>The conversation, whose customer the follower is, and the greeting turn when it was started now.</returns>
    public async Task<(string ConversationId, string CustomerId, TurnResult? Started)> OpenAsync(string openId, bool fresh,
        CancellationToken cancellationToken)
    {
        var customerId = await bindings.CustomerOfAsync(openId, cancellationToken) ?? CustomerId(openId);
        // Two first messages at once (or on two hosts) must not start two conversations.
        await using var gate = await database.LockAsync("wechat-follower:" + openId, cancellationToken);
        // A bound member may be talking in the app too: only a WeChat conversation continues here.
        if (!fresh && (await store.ListByCustomerAsync(customerId, 1, cancellationToken)) is [{ Channel: Channel } open])
        {
            return (open.Id, customerId, null);
        }

        if (await customers.FindAsync(customerId, cancellationToken) is null)
        {
            await customers.AddIfMissingAsync(new CustomerProfile(customerId, "微信用户", CustomerTags.Visitor, 0, null, null,
                [CustomerTags.Visitor]), cancellationToken);
        }

        var started = await runtime.StartAsync(customerId, Channel, botOptions.Value.DefaultLocale, cancellationToken);
        return (started.ConversationId, customerId, started);
    }
}
