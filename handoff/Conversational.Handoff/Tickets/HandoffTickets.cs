using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Conversational.Handoff.Tickets;

/// <summary>
/// Tickets from conversations: a message the customer left (留言) or one an agent opened from the desk (工单). Numbered
/// per kind and China-time day (<c>LM20261123-0001</c>, <c>TK20261123-0001</c>) from a counter row, so hosts never
/// hand out one number twice.
/// </summary>
public sealed class HandoffTickets(HandoffDatabase db)
{
    public const string LeftMessage = "left_message";
    public const string Agent = "agent";

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<HandoffTicket> CreateAsync(string conversationId, string customerId, string kind, string text,
        IReadOnlyDictionary<string, string> fields, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var prefix = kind switch
        {
            LeftMessage => "LM",
            Agent => "TK",
            _ => throw new ArgumentException($"A ticket is '{LeftMessage}' or '{Agent}', not '{kind}'.", nameof(kind)),
        };
        var now = db.Now;
        var day = prefix + now.ToOffset(ChinaTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await using var transaction = await db.BeginAsync(cancellationToken);
        int number;
        await using (var next = transaction.CreateCommand("""
            INSERT INTO handoff_ticket_numbers (prefix, last_number) VALUES (@day, 1)
            ON CONFLICT (prefix) DO UPDATE SET last_number = handoff_ticket_numbers.last_number + 1
            RETURNING last_number
            """, ("@day", day)))
        {
            number = Convert.ToInt32(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var ticket = new HandoffTicket($"{day}-{number.ToString("D4", CultureInfo.InvariantCulture)}", conversationId, customerId, kind,
            text, new Dictionary<string, string>(fields), createdBy, now);
        await transaction.ExecuteAsync($"""
            INSERT INTO handoff_tickets (ticket_id, conversation_id, customer_id, kind, text, fields, created_by, created_at)
            VALUES (@id, @conversation, @customer, @kind, @text, {db.Database.Json("@fields")}, @by, @at)
            """, cancellationToken,
            ("@id", ticket.TicketId), ("@conversation", conversationId), ("@customer", customerId), ("@kind", kind), ("@text", text),
            ("@fields", JsonSerializer.Serialize(ticket.Fields, Json)), ("@by", createdBy), ("@at", now.ToUnixTimeMilliseconds()));
        await db.CommitAndPublishAsync(transaction, cancellationToken);
        return ticket;
    }

    /// <summary>The conversation's tickets, oldest first.</summary>
    public async Task<IReadOnlyList<HandoffTicket>> ForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = db.Command("""
            SELECT ticket_id, conversation_id, customer_id, kind, text, fields, created_by, created_at
            FROM handoff_tickets WHERE conversation_id = @conversation ORDER BY created_at, ticket_id
            """, ("@conversation", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<HandoffTicket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    private static HandoffTicket Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5), Json) ?? [],
        reader.GetString(6), HandoffDatabase.FromMs(reader.GetInt64(7)));
}
