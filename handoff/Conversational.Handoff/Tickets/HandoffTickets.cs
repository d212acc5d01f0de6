namespace Conversational.Handoff.Tickets;

/// <summary>Tickets from conversations, numbered per kind and day.</summary>
public sealed class HandoffTickets
{
    public Task<HandoffTicket> CreateAsync(string conversationId, string customerId, string kind, string text,
        IReadOnlyDictionary<string, string> fields, string createdBy, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<HandoffTicket>> ForConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
