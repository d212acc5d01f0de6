using System.Threading.Channels;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>
/// Tells the open streams of a conversation on this host that the bot is working on a customer's message, so they can
/// show typing. Typing is never stored: a stream on another host, or one that connects later, does not see it, which
/// is how Direct Line treats typing too.
/// </summary>
public sealed class TypingSignals
{
    // Plain collections under one lock: signals come once per customer message and listeners once per socket.
    private readonly Dictionary<string, List<Channel<bool>>> _listeners = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Listens to the conversation until the returned subscription is disposed.</summary>
    public Subscription Listen(string conversationId)
    {
        // One pending signal is enough: a stream that has not yet shown typing need not show it twice.
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_gate)
        {
            if (!_listeners.TryGetValue(conversationId, out var listeners))
            {
                _listeners[conversationId] = listeners = [];
            }

            listeners.Add(signal);
        }

        return new Subscription(this, conversationId, signal);
    }

    public void Signal(string conversationId)
    {
        lock (_gate)
        {
            foreach (var listener in _listeners.GetValueOrDefault(conversationId) ?? [])
            {
                listener.Writer.TryWrite(true);
            }
        }
    }

    private void Remove(string conversationId, Channel<bool> signal)
    {
        lock (_gate)
        {
            if (_listeners.TryGetValue(conversationId, out var listeners) && listeners.Remove(signal) && listeners.Count == 0)
            {
                _listeners.Remove(conversationId);
            }
        }
    }

    public sealed class Subscription(TypingSignals owner, string conversationId, Channel<bool> signal) : IDisposable
    {
        public ChannelReader<bool> Reader => signal.Reader;

        public void Dispose() => owner.Remove(conversationId, signal);
    }
}
