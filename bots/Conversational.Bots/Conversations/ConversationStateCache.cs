using Microsoft.Extensions.Caching.Memory;

namespace Conversational.Bots.Conversations;

/// <summary>
/// The conversation states this host built most recently. A turn starts from the cached state and reads only the
/// events appended since, by this host or any other, instead of replaying the whole log; a state is only ever a
/// shortcut, never the truth.
/// </summary>
public sealed class ConversationStateCache : IDisposable
{
    private const int MaxConversations = 20_000;
    private static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = MaxConversations });

    /// <summary>The cached state, or an empty one at version 0 from which the whole log is replayed.</summary>
    public ConversationState Get(string conversationId) =>
        _states.TryGetValue(conversationId, out ConversationState? state) ? state! : new ConversationState { ConversationId = conversationId };

    public void Set(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _states.Set(state.ConversationId, state, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleExpiry });
    }

    public void Dispose() => _states.Dispose();
}
