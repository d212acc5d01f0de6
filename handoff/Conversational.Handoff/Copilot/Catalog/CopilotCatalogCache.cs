using Conversational.Storage;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// This host's copy of the current catalogue, read on every customer message. A save here drops it at once; a save on
/// another host drops it through PostgreSQL's NOTIFY on <see cref="NotificationChannel"/>; and a copy older than
/// <see cref="MaxAge"/> is dropped too, for a notification lost while the listener was reconnecting.
/// </summary>
public sealed class CopilotCatalogCache(TimeProvider time) : IDatabaseNotificationHandler
{
    public const string NotificationChannel = "copilot_catalog";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private CopilotCatalogVersion? _current;
    private DateTimeOffset _loadedAt;
    private long _generation;

    string IDatabaseNotificationHandler.Channel => NotificationChannel;

    void IDatabaseNotificationHandler.OnNotification(string payload) => Invalidate();

    /// <summary>The cached version, and the generation a loader must hand back to <see cref="Store"/>.</summary>
    public (CopilotCatalogVersion? Current, long Generation) Read()
    {
        lock (_gate)
        {
            return (time.GetUtcNow() - _loadedAt < MaxAge ? _current : null, _generation);
        }
    }

    /// <summary>Keeps a loaded version unless the catalogue changed while it was being read.</summary>
    public void Store(CopilotCatalogVersion current, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _current = current;
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
