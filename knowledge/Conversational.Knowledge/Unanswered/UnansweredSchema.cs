using Conversational.Storage;

namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// The trainer loop's tables (migration area <c>knowledge-unanswered</c>): the questions the bot did not answer, kept
/// until a trainer resolves them, and the intent examples trainers added from them, which the intent model trains on
/// beside the example files.
/// </summary>
public static class UnansweredSchema
{
    public static readonly SchemaMigration V1 = new("knowledge-unanswered", 1, "unanswered questions and trainers' intent examples", db => $"""
        CREATE TABLE unanswered_questions (
            id {Identity(db)} PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT NOT NULL,
            channel TEXT NOT NULL,
            intent TEXT NOT NULL,
            intent_confidence DOUBLE PRECISION NOT NULL,
            knowledge_score REAL,
            reason TEXT NOT NULL,
            asked_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT,
            UNIQUE (conversation_id, activity_id)
        );
        CREATE INDEX unanswered_questions_open ON unanswered_questions (language, asked_at) WHERE resolved_at IS NULL;
        CREATE TABLE trainer_intent_examples (
            id {Identity(db)} PRIMARY KEY,
            text TEXT NOT NULL,
            intent TEXT NOT NULL,
            language TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            UNIQUE (text, intent)
        );
        """);

    private static string Identity(Database db) =>
        db.Provider == DatabaseProvider.PostgreSql ? "BIGINT GENERATED ALWAYS AS IDENTITY" : "INTEGER";
}
