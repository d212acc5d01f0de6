using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Handoff.Packages;

namespace Conversational.Bots.Handoff;

/// <summary>Builds a conversation's handoff package from the store, as of now.</summary>
public sealed class HandoffPackages(IConversationStore store, ICustomerDirectory customers, TimeProvider time)
{
    /// <summary>The package, or null when the conversation is unknown or nobody asked for a person in it.</summary>
    public async Task<HandoffPackage?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return null;
        }

        var events = await store.ReadAsync(conversationId, 0, cancellationToken);
        var profile = await customers.FindAsync(conversation.CustomerId, cancellationToken);
        return HandoffPackageBuilder.Build(conversation, events, profile, time.GetUtcNow());
    }
}
