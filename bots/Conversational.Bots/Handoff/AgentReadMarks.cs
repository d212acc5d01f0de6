using Conversational.Storage;

namespace Conversational.Bots.Handoff;

/// <summary>
/// How far each agent has read each of their chats (已读位置), so the desk counts unread customer messages on any host
/// and after a reload. A mark only moves forward.
/// </summary>
public sealed class AgentReadMarks(Database database)
{
    public static readonly SchemaMigration Schema = new("desk", 1, "agents' read positions in their chats", _ => """
        CREATE TABLE agent_read_marks (
            agent_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            PRIMARY KEY (agent_id, conversation_id)
        );
        """);

    public Task MarkAsync(string agentId, string conversationId, long seq, CancellationToken cancellationToken) => database.ExecuteAsync(
        """
        INSERT INTO agent_read_marks (agent_id, conversation_id, seq) VALUES (@agent, @conversation, @seq)
        ON CONFLICT (agent_id, conversation_id) DO UPDATE
            SET seq = CASE WHEN excluded.seq > agent_read_marks.seq THEN excluded.seq ELSE agent_read_marks.seq END
        """,
        cancellationToken, ("@agent", agentId), ("@conversation", conversationId), ("@seq", seq));

    /// <summary>The last sequence number the agent has read in the conversation; 0 when never.</summary>
    public async Task<long> ReadUpToAsync(string agentId, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT seq FROM agent_read_marks WHERE agent_id = @agent AND conversation_id = @conversation");
        Database.AddParameters(command, ("@agent", agentId), ("@conversation", conversationId));
        return await command.ExecuteScalarAsync(cancellationToken) is { } seq and not DBNull ? Convert.ToInt64(seq, null) : 0;
    }
}
