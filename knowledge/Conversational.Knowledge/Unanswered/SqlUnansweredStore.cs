using System.Data.Common;
using System.Globalization;
using Conversational.Knowledge.Articles;
using Conversational.Storage;

namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// The unanswered questions on the product's database (SQLite or PostgreSQL). A question stays open until a trainer
/// resolves it (turned into a FAQ entry or intent examples, or dismissed); resolved ones are kept for the record.
/// </summary>
public sealed class SqlUnansweredStore(Database database)
{
    /// <summary>Records the question; the same message (conversation and activity id) is recorded once, however often a turn is retried.</summary>
    public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        return database.ExecuteAsync("""
            INSERT INTO unanswered_questions
                (conversation_id, activity_id, text, language, channel, intent, intent_confidence, knowledge_score, reason, asked_at)
            VALUES (@conversation, @activity, @text, @language, @channel, @intent, @confidence, @score, @reason, @askedAt)
            ON CONFLICT (conversation_id, activity_id) DO NOTHING
            """, cancellationToken,
            ("@conversation", question.ConversationId), ("@activity", question.ActivityId), ("@text", question.Text),
            ("@language", question.Language), ("@channel", question.Channel), ("@intent", question.Intent),
            ("@confidence", question.IntentConfidence), ("@score", question.KnowledgeScore), ("@reason", question.Reason.ToString()),
            ("@askedAt", KnowledgeSchema.Instant(question.AskedAt)));
    }

    /// <summary>The open questions in <paramref name="language"/> asked at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/> (the newest kept).</summary>
    public async Task<IReadOnlyList<UnansweredQuestion>> OpenAsync(string language, DateTimeOffset since, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT id, conversation_id, activity_id, text, language, channel, intent, intent_confidence, knowledge_score, reason, asked_at
            FROM unanswered_questions
            WHERE resolved_at IS NULL AND language = @language AND asked_at >= @since
            ORDER BY asked_at DESC, id DESC
            LIMIT @limit
            """);
        Database.AddParameters(command, ("@language", language), ("@since", KnowledgeSchema.Instant(since)), ("@limit", limit));
        var questions = await ReadAsync(command, cancellationToken);
        questions.Reverse();
        return questions;
    }

    /// <summary>Closes the questions that are still open; returns how many were.</summary>
    /// <param name="resolution">What became of them: <c>faq:{entryId}</c>, <c>intent:{intent}</c> or <c>dismissed</c>.</param>
    public async Task<int> ResolveAsync(IReadOnlyCollection<long> ids, string resolution, string resolvedBy, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        var names = ids.Select((_, index) => "@id" + index.ToString(CultureInfo.InvariantCulture)).ToList();
        (string, object?)[] parameters =
        [
            ("@at", KnowledgeSchema.Instant(at)), ("@by", resolvedBy), ("@resolution", resolution),
            .. ids.Select((id, index) => (names[index], (object?)id)),
        ];
        return await database.ExecuteAsync($"""
            UPDATE unanswered_questions SET resolved_at = @at, resolved_by = @by, resolution = @resolution
            WHERE resolved_at IS NULL AND id IN ({string.Join(", ", names)})
            """, cancellationToken, parameters);
    }

    private static async Task<List<UnansweredQuestion>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var questions = new List<UnansweredQuestion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            questions.Add(new UnansweredQuestion(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetFloat(8),
                Enum.Parse<UnansweredReason>(reader.GetString(9)), KnowledgeSchema.ReadInstant(reader.GetString(10))));
        }

        return questions;
    }
}
