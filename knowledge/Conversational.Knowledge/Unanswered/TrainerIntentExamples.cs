using Conversational.Knowledge.Articles;
using Conversational.Knowledge.IntentClassification;
using Conversational.Storage;

namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// Intent examples trainers added from unanswered questions (训练师补充的意图样例), kept in the database so every host
/// trains on them: the intent model provider adds them to the example files' when it trains.
/// </summary>
public sealed class TrainerIntentExamples(Database database)
{
    /// <summary>Adds the texts as examples of <paramref name="intent"/>; a text already an example of it is skipped. Returns how many were new.</summary>
    public async Task<int> AddAsync(IReadOnlyCollection<string> texts, string intent, string language, string addedBy, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        var added = 0;
        foreach (var text in texts)
        {
            added += await transaction.ExecuteAsync("""
                INSERT INTO trainer_intent_examples (text, intent, language, added_at, added_by)
                VALUES (@text, @intent, @language, @at, @by)
                ON CONFLICT (text, intent) DO NOTHING
                """, cancellationToken,
                ("@text", text), ("@intent", intent), ("@language", language), ("@at", KnowledgeSchema.Instant(at)), ("@by", addedBy));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Every added example in the order added, so the same rows always make the same training set (and hash).</summary>
    public async Task<IReadOnlyList<IntentExample>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT text, intent FROM trainer_intent_examples ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var examples = new List<IntentExample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            examples.Add(new IntentExample(reader.GetString(0), reader.GetString(1)));
        }

        return examples;
    }
}
