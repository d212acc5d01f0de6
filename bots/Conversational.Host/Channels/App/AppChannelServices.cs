using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Handoff.Queues;
using Conversational.Host.Security;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.App;

/// <summary>What the app channel's endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed record AppChannelServices(
    IConversationStore Store,
    ConversationRuntime Runtime,
    ConversationChangeFeed Changes,
    HandoffQueue Queue,
    HandoffChangeFeed HandoffChanges,
    ICustomerDirectory Customers,
    CustomerTokens Tokens,
    IOptions<AppChannelOptions> Options,
    IOptions<BotOptions> BotOptions,
    IHostApplicationLifetime Lifetime);
