using Conversational.Bots.Conversations;
using Conversational.Handoff.Queues;

namespace Conversational.Host.Channels.App;

/// <summary>
/// One push stream's view of its conversation's queue status: it follows the log to know when the conversation is
/// queued, and lets through only a status that differs from the last one sent, so the customer sees each change once;
/// the end of the wait (assigned, cancelled) is sent once too, so the widget can drop its banner.
/// </summary>
internal sealed class QueueBanner(bool queued)
{
    private CustomerQueueStatus? _sent;

    public bool Tracking { get; private set; } = queued;

    public void Follow(ConversationEvent conversationEvent)
    {
        if (conversationEvent is HandoffQueued or HandoffTransferred)
        {
            Tracking = true;
        }
    }

    /// <summary>The status to send now, or null when the customer already has it or is not waiting.</summary>
    public CustomerQueueStatus? Next(QueuePosition? position)
    {
        if (position is null)
        {
            return null;
        }

        var status = CustomerQueueStatus.From(position);
        if (status == _sent || (!status.IsWaiting && _sent is not { IsWaiting: true }))
        {
            Tracking = status.IsWaiting;
            return null;
        }

        _sent = status;
        Tracking = status.IsWaiting;
        return status;
    }
}
