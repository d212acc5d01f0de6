using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Answering;

/// <summary>
/// Finds the knowledge answer to a customer's question (知识问答): the hybrid search in the conversation's language on
/// its channel, and, when it is sure enough, the entry as stored now, checked once more so an entry retired a moment
/// ago is never answered.
/// </summary>
public sealed class KnowledgeAnswerer(HybridRetriever retriever, SqlKnowledgeStore store, TimeProvider time)
{
    /// <summary>How many ranked entries a lookup keeps: the clarify ladder offers at most two.</summary>
    private const int Depth = 5;

    /// <param name="minimumConfidence">A floor above the search's own, for questions that need more certainty; 0: none.</param>
    public async Task<KnowledgeLookup> LookUpAsync(string question, string locale, string channel, double minimumConfidence,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var language = KnowledgeLanguages.ForLocale(locale);
        var result = await retriever.SearchAsync(question, new SearchFilter(language, channel), Depth, cancellationToken);
        if (!result.Answerable || result.Confidence < minimumConfidence || result.Best is not { } best)
        {
            return new KnowledgeLookup(result, null);
        }

        var entry = await store.FindAsync(best.EntryId, cancellationToken);
        return entry is not null && entry.IsAnswerable(time.GetUtcNow(), language, channel)
            ? new KnowledgeLookup(result, new KnowledgeAnswer(entry.Id, entry.Content.Title, entry.Content.Answer, language, result.Confidence))
            : new KnowledgeLookup(result, null);
    }
}

/// <summary>What the search found for a question, and the answer when the bot should give one.</summary>
public sealed record KnowledgeLookup(SearchResult Result, KnowledgeAnswer? Answer);

/// <summary>An entry's answer (Markdown) to give the customer, with what its citation names.</summary>
public sealed record KnowledgeAnswer(string EntryId, string Title, string Text, string Language, float Confidence);
