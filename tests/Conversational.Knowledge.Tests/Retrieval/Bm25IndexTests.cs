using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class Bm25IndexTests
{
    private static Bm25Index Index(params (string Id, string Text)[] documents)
    {
        var index = new Bm25Index();
        foreach (var (id, text) in documents)
        {
            index.Upsert(id, text);
        }

        return index;
    }

    [Fact]
    public void Search_RanksTheDocumentSharingTheRarestTermsFirst()
    {
        var index = Index(("a", "how do I return my order"), ("b", "how do I pay my card bill"), ("c", "how do I change my address"));

        var results = index.Search("how do I pay my card bill", 3);

        Assert.Equal("b", results[0].Id);
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public void Search_ChineseQuery_FindsAnEntryContainingItsWordsWithoutSegmentation()
    {
        var index = Index(("installments", "信用卡账单分期怎么申请"), ("returns", "七天无理由退货"));

        var results = index.Search("我想分期", 2);

        Assert.Equal("installments", Assert.Single(results).Id);
    }

    [Fact]
    public void Search_AnalyzedTerms_RanksAsTheQueryTextDoes()
    {
        var index = Index(("a", "how do I return my order"), ("b", "how do I pay my card bill"), ("c", "信用卡账单分期"));

        Assert.Equal(index.Search("pay my card bill 分期", 3), index.Search(LexicalAnalyzer.DistinctTerms("pay my card bill 分期"), 3));
    }

    [Fact]
    public void Upsert_SameId_ReplacesTheOldText()
    {
        var index = Index(("a", "coupon rules"));

        index.Upsert("a", "shipping times");

        Assert.Empty(index.Search("coupon", 5));
        Assert.Equal("a", Assert.Single(index.Search("shipping", 5)).Id);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Remove_DropsTheDocumentAndIgnoresUnknownIds()
    {
        var index = Index(("a", "coupon rules"), ("b", "coupon stacking"));

        index.Remove("a");
        index.Remove("missing");

        Assert.Equal(["b"], index.Search("coupon", 5).Select(result => result.Id));
    }

    [Fact]
    public void Search_EqualScores_AreOrderedByIdWhateverTheInsertionOrder()
    {
        var forward = Index(("b", "late fee"), ("a", "late fee"), ("c", "late fee"));
        var backward = Index(("c", "late fee"), ("a", "late fee"), ("b", "late fee"));

        Assert.Equal(["a", "b", "c"], forward.Search("late fee", 3).Select(result => result.Id));
        Assert.Equal(["a", "b", "c"], backward.Search("late fee", 3).Select(result => result.Id));
    }

    [Fact]
    public void Search_WithAcceptFilter_ReturnsOnlyAcceptedIdsUpToTheLimit()
    {
        var index = Index(("a", "refund policy"), ("b", "refund time"), ("c", "refund fee"));

        var results = index.Search("refund", 1, id => id != "a");

        Assert.Equal("b", Assert.Single(results).Id);
    }
}
