using System.Collections.Concurrent;
using Conversational.Storage;

namespace Conversational.Bots.Conversations;

/// <summary>
/// Wakes the push streams of a conversation when its log grows: at once for changes made by this host, and through
/// the database's notifications (PostgreSQL LISTEN/NOTIFY) for changes made by the others.
/// </summary>
public sealed class ConversationChangeFeed : IDatabaseNotificationHandler
{
    /// <summary>The notification channel on which the store announces an appended conversation id.</summary>
    public const string NotificationChannel = "conversation_events";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>
    /// A task that completes at the next change. Take it <em>before</em> reading the store, so that a change landing
    /// between the read and the wait is not missed.
    /// </summary>
    public Task NextChange(string conversationId) =>
        _signals.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    string IDatabaseNotificationHandler.Channel => NotificationChannel;

    void IDatabaseNotificationHandler.OnNotification(string payload) => Publish(payload);

    public void Publish(string conversationId)
    {
        if (_signals.TryRemove(conversationId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
