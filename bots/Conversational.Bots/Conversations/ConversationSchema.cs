using Conversational.Storage;

namespace Conversational.Bots.Conversations;

/// <summary>The bots area's tables: conversation headers and the event log (one row per event).</summary>
internal static class ConversationSchema
{
    public static readonly SchemaMigration V1 = new("bots", 1, "conversations and their event log", db => $"""
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            locale TEXT NOT NULL,
            started_at {Timestamp(db)} NOT NULL,
            version BIGINT NOT NULL
        );
        CREATE INDEX ix_conversations_customer ON conversations (customer_id, started_at);
        CREATE TABLE conversation_events (
            conversation_id TEXT NOT NULL REFERENCES conversations (id),
            seq BIGINT NOT NULL,
            type TEXT NOT NULL,
            occurred_at {Timestamp(db)} NOT NULL,
            data {db.JsonType} NOT NULL,
            dedupe_key TEXT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        CREATE UNIQUE INDEX ux_conversation_events_dedupe ON conversation_events (conversation_id, dedupe_key)
            WHERE dedupe_key IS NOT NULL;
        """);

    private static string Timestamp(Database db) => db.Provider == DatabaseProvider.PostgreSql ? "timestamptz" : "TEXT";
}
