using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>What the Direct Line endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed record DirectLineServices(
    IConversationStore Store,
    ConversationRuntime Runtime,
    ICustomerDirectory Customers,
    DirectLineTokens Tokens,
    TypingSignals Typing,
    IOptions<DirectLineOptions> Options,
    IOptions<BotOptions> BotOptions,
    IHostApplicationLifetime Lifetime);
