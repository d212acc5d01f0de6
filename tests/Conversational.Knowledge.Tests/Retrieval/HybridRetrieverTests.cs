using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Vectors;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class HybridRetrieverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    private static readonly KnowledgeChunk[] Faq =
    [
        new("install-1", "installments", "信用卡账单可以分期吗", "账单分期", "zh-CN", [], ["card"]),
        new("install-2", "installments", "账单分12期手续费多少", "账单分期", "zh-CN", [], ["card"]),
        new("payoff-1", "early-payoff", "分期可以提前还款吗", "提前还款", "zh-CN", [], ["card"]),
        new("return-1", "returns", "七天无理由退货怎么申请", "退货政策", "zh-CN", [], ["shop"]),
        new("return-en", "returns-en", "How do I return an item I bought?", "Returns", "en", [], ["shop"]),
        new("refund-en", "refund-en", "When will my refund arrive?", "Refund timing", "en", [], ["shop"]),
        new("wechat-only", "wechat-coupon", "Claim the coupon in the WeChat mini program", "WeChat coupon", "en", ["wechat"], ["shop"]),
        new("double11", "double11", "Double 11 presale deposit rules", "Double 11", "en", [], ["shop"],
            ValidFrom: Now.AddDays(-10), ValidUntil: Now.AddDays(1)),
    ];

    private async Task<HybridRetriever> RetrieverAsync(KnowledgeSearchOptions? options = null)
    {
        var retriever = new HybridRetriever(new HashingEmbedder(new HashingEmbedderOptions()), new ExactVectorIndex(),
            options ?? new KnowledgeSearchOptions(), _time);
        await retriever.IndexAsync(Faq, default);
        return retriever;
    }

    [Fact]
    public async Task Search_RanksTheRightEntryFirstWithLexicalDenseAndFusedScores()
    {
        var retriever = await RetrieverAsync();

        var result = await retriever.SearchAsync("账单能分期吗", null, 5, default);

        var best = result.Best!;
        Assert.Equal("installments", best.EntryId);
        Assert.Equal(1, best.LexicalRank);
        Assert.Equal(1, best.DenseRank);
        Assert.True(best.LexicalScore > 0 && best.DenseScore > 0);
        var options = retriever.Options;
        Assert.InRange(best.FusedScore, (options.LexicalWeight + options.DenseWeight) / (options.RankConstant + 1),
            ReciprocalRankFusion.Maximum(options) + 1e-6f);
    }

    [Fact]
    public async Task Search_GivesOneHitPerEntry()
    {
        var retriever = await RetrieverAsync();

        var result = await retriever.SearchAsync("账单分期手续费", null, 10, default);

        Assert.Equal(result.Hits.Select(hit => hit.EntryId).Distinct().Count(), result.Hits.Count);
    }

    [Fact]
    public async Task Search_LanguageAndTagFilters_KeepOnlyMatchingChunks()
    {
        var retriever = await RetrieverAsync();

        var english = await retriever.SearchAsync("退货 return", new SearchFilter(Language: "en"), 10, default);
        var card = await retriever.SearchAsync("退货", new SearchFilter(AnyTags: ["card"]), 10, default);

        Assert.All(english.Hits, hit => Assert.Equal("en", hit.Chunk.Language));
        Assert.Contains(english.Hits, hit => hit.EntryId == "returns-en");
        Assert.All(card.Hits, hit => Assert.Contains("card", hit.Chunk.Tags));
    }

    [Fact]
    public async Task Search_ChannelRestrictedEntry_NeverAppearsOnAnotherChannel()
    {
        var retriever = await RetrieverAsync();

        var onApp = await retriever.SearchAsync("WeChat mini program coupon", new SearchFilter(Channel: "app"), 10, default);
        var onWeChat = await retriever.SearchAsync("WeChat mini program coupon", new SearchFilter(Channel: "wechat"), 10, default);

        Assert.DoesNotContain(onApp.Hits, hit => hit.EntryId == "wechat-coupon");
        Assert.Equal("wechat-coupon", onWeChat.Best!.EntryId);
    }

    [Fact]
    public async Task Search_ExpiredOrNotYetValidEntry_IsNeverFound()
    {
        var retriever = await RetrieverAsync();
        Assert.Equal("double11", (await retriever.SearchAsync("Double 11 presale deposit", null, 5, default)).Best!.EntryId);

        _time.Advance(TimeSpan.FromDays(2));

        var result = await retriever.SearchAsync("Double 11 presale deposit", null, 5, default);
        Assert.DoesNotContain(result.Hits, hit => hit.EntryId == "double11");
    }

    [Fact]
    public async Task RemoveAsync_RemovedChunksAreNotFoundAndTheEntrysOtherChunksStill()
    {
        var retriever = await RetrieverAsync();

        await retriever.RemoveAsync(["install-1"], default);

        var result = await retriever.SearchAsync("信用卡账单分12期", null, 5, default);
        Assert.Equal("installments", result.Best!.EntryId);
        Assert.Equal("install-2", result.Best.Chunk.Id);
        Assert.DoesNotContain(result.Hits, hit => hit.Chunk.Id == "install-1");
        Assert.Equal(Faq.Length - 1, retriever.Count);
    }

    [Fact]
    public async Task IndexAsync_ChangedText_IsSearchedByItsNewText()
    {
        var retriever = await RetrieverAsync();

        await retriever.IndexAsync([Faq[3] with { Text = "换货需要寄回原商品" }], default);

        var result = await retriever.SearchAsync("换货", null, 5, default);
        Assert.Equal("return-1", result.Best!.Chunk.Id);
        Assert.DoesNotContain((await retriever.SearchAsync("无理由", null, 5, default)).Hits, hit => hit.LexicalRank is not null);
    }

    public static TheoryData<string> AwkwardQueries => new()
    {
        "AND OR NOT +refund -late \"exact phrase\" title:refund~2 ref*nd? [a TO z] {x} (y) ^3 \\ / &&||!",
        ".*(refund|return)+[a-z]{2,}$^",
        "'; DROP TABLE knowledge_vectors; -- %_ \" ' `",
        "😀 refund 🎉 退货 👨‍👩‍👧",
        string.Concat(Enumerable.Repeat("When will my refund arrive? 退款什么时候到账 ", 250)),
        "\u0000\u200B\uFEFF\uD800 refund",
    };

    [Theory]
    [MemberData(nameof(AwkwardQueries))]
    public async Task Search_QueriesWithOperatorsSqlEmojiOrTenThousandCharacters_ReturnRelevantHitsWithoutThrowing(string query)
    {
        var retriever = await RetrieverAsync();

        var result = await retriever.SearchAsync(query, null, 5, default);

        if (query.Contains("refund", StringComparison.Ordinal))
        {
            Assert.Contains(result.Hits, hit => hit.EntryId is "refund-en" or "returns-en" or "returns");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!…。，")]
    public async Task Search_TextWithoutWords_FindsNothingAndDoesNotAnswer(string query)
    {
        var retriever = await RetrieverAsync();

        var result = await retriever.SearchAsync(query, null, 5, default);

        Assert.Empty(result.Hits);
        Assert.False(result.Answerable);
    }

    [Fact]
    public async Task Search_CloseParaphrase_IsAnsweredAndAnUnrelatedQuestionIsNot()
    {
        var retriever = await RetrieverAsync();

        var close = await retriever.SearchAsync("When will my refund arrive", null, 5, default);
        var unrelated = await retriever.SearchAsync("what is the weather like on mars tomorrow", null, 5, default);

        Assert.True(close.Answerable, $"confidence {close.Confidence}");
        Assert.False(unrelated.Answerable, $"confidence {unrelated.Confidence}");
        Assert.True(close.Confidence > unrelated.Confidence);
    }

    [Fact]
    public async Task Search_ConfidenceBetweenAChineseFloorAndTheDefaultFloor_AnswersTheChineseQuestionButNotTheEnglishOne()
    {
        var retriever = await RetrieverAsync(new KnowledgeSearchOptions { ConfidenceFloors = { ["zh-CN"] = 0.21f } });
        var options = retriever.Options;

        var chinese = await retriever.SearchAsync("退货", new SearchFilter(Language: "zh-CN"), 5, default);
        var english = await retriever.SearchAsync("can I send it back", new SearchFilter(Language: "en"), 5, default);

        Assert.InRange(chinese.Confidence, options.FloorFor("zh-CN"), options.ConfidenceFloor);
        Assert.InRange(english.Confidence, options.FloorFor("zh-CN"), options.ConfidenceFloor);
        Assert.Equal("returns", chinese.Best!.EntryId);
        Assert.True(chinese.Answerable, $"confidence {chinese.Confidence}");
        Assert.False(english.Answerable, $"confidence {english.Confidence}");
    }

    [Fact]
    public async Task Search_LexicalOnlyOptions_LeaveDenseScoresEmpty()
    {
        var retriever = await RetrieverAsync(new KnowledgeSearchOptions { DenseWeight = 0, EntryLexicalWeight = 0 });

        var result = await retriever.SearchAsync("refund arrive", null, 5, default);

        Assert.All(result.Hits, hit => Assert.Null(hit.DenseRank));
        Assert.Equal("refund-en", result.Best!.EntryId);
    }
}
