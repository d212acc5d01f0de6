using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Retrieval;

namespace Conversational.Bots.Copilot;

/// <summary>
/// Knowledge answers the agent may use for the customer's last message (知识推荐): the hybrid search in the chat's language
/// on its channel, at most <see cref="MaxAnswers"/> entries each at least as sure as the bot's own answer floor for the language, as stored now.
/// </summary>
public sealed class CopilotKnowledge(HybridRetriever retriever, SqlKnowledgeStore store, TimeProvider time)
{
    public const int MaxAnswers = 2;

    public async Task<IReadOnlyList<CopilotSuggestion>> SuggestAsync(string question, string language, string channel,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var result = await retriever.SearchAsync(question, new SearchFilter(language, channel), MaxAnswers, cancellationToken);
        var suggestions = new List<CopilotSuggestion>(MaxAnswers);
        foreach (var hit in result.Hits)
        {
            // Each hit scored as the bot scores its best one: how close its wording is times how much the rankings agree.
            var confidence = AnswerConfidence.Compute([hit], retriever.Options);
            if (confidence < retriever.Options.FloorFor(hit.Chunk.Language))
            {
                continue;
            }

            var entry = await store.FindAsync(hit.EntryId, cancellationToken);
            if (entry is not null && entry.IsAnswerable(time.GetUtcNow(), language, channel))
            {
                suggestions.Add(new CopilotSuggestion($"kb:{entry.Id}", "knowledge", entry.Content.Title, entry.Content.Answer,
                    Math.Round(confidence, 4), [], new CopilotCitation(entry.Id, entry.Content.Title)));
            }
        }

        return suggestions;
    }
}
