using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Vectors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Knowledge.Tests.Answering;

public sealed class EntryClassifierTrainerTests
{
    private static readonly KnowledgeChunk[] Faq =
    [
        KnowledgeChunk.Plain("fee#0", "annual-fee", "is there an annual fee", "en"),
        KnowledgeChunk.Plain("fee#1", "annual-fee", "can the annual fee be waived", "en"),
        KnowledgeChunk.Plain("limit#0", "credit-limit", "raise my credit limit", "en"),
        KnowledgeChunk.Plain("limit#1", "credit-limit", "credit limit too low", "en"),
    ];

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Schedule_RetrainsAfterTheQuietPeriod_PickingUpANewEntrysVariants()
    {
        var retriever = await RetrieverAsync(Faq);
        using var trainer = new EntryClassifierTrainer(retriever, _time, NullLogger<EntryClassifierTrainer>.Instance);
        await trainer.RetrainAsync(default);
        await retriever.IndexAsync([
            KnowledgeChunk.Plain("lost#0", "lost-card", "report a stolen card", "en"),
            KnowledgeChunk.Plain("lost#1", "lost-card", "block my stolen card", "en"),
        ], default);

        trainer.Schedule();
        var known = retriever.Classifier!.Entries;
        _time.Advance(EntryClassifierTrainer.QuietPeriod);
        await trainer.Trained;

        Assert.DoesNotContain("lost-card", known);
        Assert.Contains("lost-card", retriever.Classifier!.Entries);
        Assert.Equal("lost-card", retriever.Classifier.Rank("my card was stolen", 1).Single());
    }

    [Fact]
    public async Task Schedule_AgainWithinTheQuietPeriod_WaitsForTheLastChange()
    {
        var retriever = await RetrieverAsync(Faq);
        using var trainer = new EntryClassifierTrainer(retriever, _time, NullLogger<EntryClassifierTrainer>.Instance);

        trainer.Schedule();
        _time.Advance(EntryClassifierTrainer.QuietPeriod / 2);
        trainer.Schedule();
        _time.Advance(EntryClassifierTrainer.QuietPeriod / 2);

        Assert.Null(retriever.Classifier);
        Assert.False(trainer.Trained.IsCompleted);
        _time.Advance(EntryClassifierTrainer.QuietPeriod / 2);
        await trainer.Trained;
        Assert.NotNull(retriever.Classifier);
    }

    [Fact]
    public async Task WithFewerThanTwoEntriesOfTwoVariants_ThereIsNoClassifier_AndSearchStillFinds()
    {
        var retriever = await RetrieverAsync([.. Faq.Where(chunk => chunk.EntryId == "annual-fee"),
            KnowledgeChunk.Plain("pin#0", "pin", "reset my PIN", "en")]);
        using var trainer = new EntryClassifierTrainer(retriever, _time, NullLogger<EntryClassifierTrainer>.Instance);

        await trainer.RetrainAsync(default);
        var result = await retriever.SearchAsync("how do I reset my PIN", null, 3, default);

        Assert.Null(retriever.Classifier);
        Assert.Equal("pin", result.Best?.EntryId);
        Assert.Null(result.Best?.ClassifierRank);
    }

    private async Task<HybridRetriever> RetrieverAsync(IReadOnlyCollection<KnowledgeChunk> chunks)
    {
        var retriever = new HybridRetriever(new HashingEmbedder(new HashingEmbedderOptions()), new ExactVectorIndex(),
            new KnowledgeSearchOptions(), _time);
        await retriever.IndexAsync(chunks, default);
        return retriever;
    }
}
