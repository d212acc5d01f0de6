using System.Collections.Concurrent;

namespace Conversational.Bots.Conversations;

/// <summary>
/// Wakes the push streams of a conversation when its log grows. In-process: a change made by another host reaches
/// this one's streams at their next keep-alive poll.
/// </summary>
public sealed class ConversationChangeFeed
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>
    /// A task that completes at the next change. Take it <em>before</em> reading the store, so that a change landing
    /// between the read and the wait is not missed.
    /// </summary>
    public Task NextChange(string conversationId) =>
        _signals.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Publish(string conversationId)
    {
        if (_signals.TryRemove(conversationId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
