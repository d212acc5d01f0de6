using Conversational.Storage;

namespace Conversational.Handoff.Routing;

/// <summary>
/// This host's copy of the current routing table. A save here drops it at once; a save on another host drops it
/// through the database's notification (PostgreSQL LISTEN/NOTIFY), so the next decision reads the new rules. A copy
/// is also dropped after <see cref="MaxAge"/>, for a notification lost while the listener was reconnecting.
/// </summary>
public sealed class RoutingRulesCache(TimeProvider time) : IDatabaseNotificationHandler
{
    public const string NotificationChannel = "routing_rules";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private (RoutingRulesVersion Rules, RoutingTable Table)? _current;
    private DateTimeOffset _loadedAt;
    private long _generation;

    string IDatabaseNotificationHandler.Channel => NotificationChannel;

    void IDatabaseNotificationHandler.OnNotification(string payload) => Invalidate();

    /// <summary>The cached table, and the generation a loader must hand back to <see cref="Store"/>.</summary>
    public ((RoutingRulesVersion Rules, RoutingTable Table)? Current, long Generation) Read()
    {
        lock (_gate)
        {
            return (time.GetUtcNow() - _loadedAt < MaxAge ? _current : null, _generation);
        }
    }

    /// <summary>Keeps a loaded table unless the rules changed while it was being read.</summary>
    public void Store(RoutingRulesVersion rules, RoutingTable table, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _current = (rules, table);
                _loadedAt = time.GetUtcNow();
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
            _generation++;
        }
    }
}
