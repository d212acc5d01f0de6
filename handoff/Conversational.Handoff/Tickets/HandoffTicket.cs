namespace Conversational.Handoff.Tickets;

/// <summary>A message left for the staff (留言) or a ticket an agent opened (工单).</summary>
/// <param name="TicketId">Like <c>LM20261123-0001</c>.</param>
/// <param name="Kind"><c>left_message</c> or <c>agent</c>.</param>
public sealed record HandoffTicket(string TicketId, string ConversationId, string CustomerId, string Kind, string Text,
    IReadOnlyDictionary<string, string> Fields, string CreatedBy, DateTimeOffset CreatedAt);
