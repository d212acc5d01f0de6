using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Vectors;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class EntryClassifierTests
{
    // The question says "limit", which every variant of the limit entry says and no other does, in the wording of the
    // annual-fee entry's first variant: word overlap and embeddings put the annual fee first, the classifier the limit.
    private const string Paraphrase = "what is the limit of my credit card";

    private static readonly KnowledgeChunk[] Cards =
    [
        KnowledgeChunk.Plain("fee-1", "annual-fee", "what is the annual fee of my credit card", "en"),
        KnowledgeChunk.Plain("fee-2", "annual-fee", "annual fee amount", "en"),
        KnowledgeChunk.Plain("fee-3", "annual-fee", "yearly fee charged", "en"),
        KnowledgeChunk.Plain("fee-4", "annual-fee", "waive annual fee", "en"),
        KnowledgeChunk.Plain("limit-1", "credit-limit", "raise credit limit", "en"),
        KnowledgeChunk.Plain("limit-2", "credit-limit", "increase limit", "en"),
        KnowledgeChunk.Plain("limit-3", "credit-limit", "limit too low", "en"),
        KnowledgeChunk.Plain("limit-4", "credit-limit", "limit increase request", "en"),
        KnowledgeChunk.Plain("limit-5", "credit-limit", "what limit do I have", "en"),
        KnowledgeChunk.Plain("lost-1", "lost-card", "I lost my card", "en"),
        KnowledgeChunk.Plain("lost-2", "lost-card", "report a stolen card", "en"),
        KnowledgeChunk.Plain("lost-3", "lost-card", "block my lost card", "en"),
    ];

    [Fact]
    public async Task Search_WithAStrongClassifier_LiftsTheEntryAParaphraseMeans_AboveTheOneItsWordingMatches()
    {
        // At weight 4 the classifier's first place outweighs the other rankings' disagreement (the default, 2, does not
        // when they agree on another entry).
        var without = await RetrieverAsync(classifierWeight: 0f);
        var with = await RetrieverAsync(classifierWeight: 4f);
        with.Classifier = EntryClassifier.Train(with.Chunks);

        var before = await without.SearchAsync(Paraphrase, null, 3, default);
        var after = await with.SearchAsync(Paraphrase, null, 3, default);

        Assert.Equal(["annual-fee", "credit-limit"], before.Hits.Take(2).Select(hit => hit.EntryId));
        Assert.Equal(["credit-limit", "annual-fee"], after.Hits.Take(2).Select(hit => hit.EntryId));
        Assert.Equal(1, after.Best?.ClassifierRank);
    }

    [Fact]
    public async Task Confidence_DoesNotCountTheClassifiersRanking()
    {
        var retriever = await RetrieverAsync();
        var before = await retriever.SearchAsync("raise credit limit", null, 3, default);
        retriever.Classifier = EntryClassifier.Train(retriever.Chunks);

        var after = await retriever.SearchAsync("raise credit limit", null, 3, default);

        Assert.Equal(1, after.Best?.ClassifierRank);
        Assert.Equal(before.Confidence, after.Confidence, 5);
    }

    [Fact]
    public void Train_LeavesOutEntriesWithOneChunk_AndNeedsTwoEntriesLeft()
    {
        var classifier = EntryClassifier.Train([.. Cards, KnowledgeChunk.Plain("pin-1", "pin", "reset my PIN", "en")]);
        var alone = EntryClassifier.Train([.. Cards.Where(chunk => chunk.EntryId == "lost-card"),
            KnowledgeChunk.Plain("pin-1", "pin", "reset my PIN", "en")]);

        Assert.Equal(["annual-fee", "credit-limit", "lost-card"], classifier!.Entries.Order(StringComparer.Ordinal));
        Assert.Null(alone);
    }

    private static async Task<HybridRetriever> RetrieverAsync(float? classifierWeight = null)
    {
        var retriever = new HybridRetriever(new HashingEmbedder(new HashingEmbedderOptions()), new ExactVectorIndex(),
            classifierWeight is { } weight ? new KnowledgeSearchOptions { ClassifierWeight = weight } : new KnowledgeSearchOptions(), TimeProvider.System);
        await retriever.IndexAsync(Cards, default);
        return retriever;
    }
}
