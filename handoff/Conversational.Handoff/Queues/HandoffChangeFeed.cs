using Conversational.Storage;

namespace Conversational.Handoff.Queues;

/// <summary>
/// Wakes desks, supervisor views and waiting customers when a queue, offer or agent changes: at once on this host,
/// and through PostgreSQL NOTIFY on the others.
/// </summary>
public sealed class HandoffChangeFeed : IDatabaseNotificationHandler
{
    public const string NotificationChannel = "handoff_changes";

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    string IDatabaseNotificationHandler.Channel => NotificationChannel;

    /// <summary>Completes at the next change. Take it before reading, so a change in between is not missed.</summary>
    public Task NextChange() => Volatile.Read(ref _next).Task;

    void IDatabaseNotificationHandler.OnNotification(string payload) => Publish();

    public void Publish() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
