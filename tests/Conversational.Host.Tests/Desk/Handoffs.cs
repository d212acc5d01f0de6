using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Handoff.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Desk;

/// <summary>
/// Puts a conversation in a queue the way the bot does on a handoff (request, enqueue, queued), so desk tests do not
/// depend on which words make the bot hand off.
/// </summary>
public static class Handoffs
{
    public static async Task QueueAsync(IServiceProvider services, string conversationId, string customerId, string skillGroup = "general",
        int priority = 10)
    {
        ArgumentNullException.ThrowIfNull(services);
        var runtime = services.GetRequiredService<ConversationRuntime>();
        await runtime.RecordAsync(conversationId, new HandoffRequested("customer_asked"), CancellationToken.None);
        await services.GetRequiredService<HandoffQueue>().EnqueueAsync(
            new QueueRequest(conversationId, customerId, skillGroup, priority, 0, null, "customer_asked"), CancellationToken.None);
        await runtime.RecordAsync(conversationId, new HandoffQueued(skillGroup, priority), CancellationToken.None);
    }
}
