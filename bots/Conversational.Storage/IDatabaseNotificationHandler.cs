namespace Conversational.Storage;

/// <summary>Receives what other hosts announced with <see cref="Database.NotifySql"/> on one channel.</summary>
public interface IDatabaseNotificationHandler
{
    string Channel { get; }

    void OnNotification(string payload);
}
