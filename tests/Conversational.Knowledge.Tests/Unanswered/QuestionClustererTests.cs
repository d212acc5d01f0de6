using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Unanswered;
using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Tests.Unanswered;

/// <summary>Clustering with the local embedder and the default threshold: the same question together, others apart.</summary>
public sealed class QuestionClustererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly HashingEmbedder _embedder = new(new HashingEmbedderOptions());
    private readonly QuestionClusterer _clusterer = new(new UnansweredOptions());

    [Fact]
    public void ChineseRewordings_ShareACluster_AndOtherQuestionsStayApart()
    {
        var clusters = Cluster(
            "可以开发票吗", "能开发票吗？", "可以货到付款吗", "怎么开发票", "火星上有没有外卖", "发票怎么开", "你们支持货到付款吗",
            "我要开发票", "能不能货到付款", "积分可以换什么", "门店有停车位吗", "门店可以停车吗", "门店能停车吗");

        Assert.Equal(
            [["可以开发票吗", "能开发票吗？", "怎么开发票", "发票怎么开", "我要开发票"], ["可以货到付款吗", "你们支持货到付款吗", "能不能货到付款"],
                ["门店有停车位吗", "门店可以停车吗", "门店能停车吗"], ["火星上有没有外卖"], ["积分可以换什么"]],
            Wordings(clusters));
    }

    [Fact]
    public void EnglishRewordings_ShareACluster_AndOtherQuestionsStayApart()
    {
        var clusters = Cluster(
            "Can I get an invoice?", "Do you ship to Canada?", "how do i get an invoice", "can I pay with paypal",
            "can you deliver to canada", "I need an invoice for my order", "is there a loyalty program", "invoice please",
            "shipping to Canada possible?");

        Assert.Equal(
            [["Can I get an invoice?", "how do i get an invoice", "I need an invoice for my order", "invoice please"],
                ["Do you ship to Canada?", "can you deliver to canada", "shipping to Canada possible?"],
                ["can I pay with paypal"], ["is there a loyalty program"]],
            Wordings(clusters));
    }

    [Fact]
    public void ACluster_IsNamedByItsFirstQuestion_WithCountsTimesTypicalTitleAndFiveDistinctExamples()
    {
        var clusters = Cluster(
            "怎么开发票", "可以开发票吗", "能开发票吗？", "可以开发票吗", "ＫＥＹ可以开发票吗", "发票怎么开", "我要开发票", "可以開發票嗎");

        var cluster = Assert.Single(clusters);
        Assert.Equal((1L, 8, Start, Start.AddHours(7)), (cluster.Id, cluster.Count, cluster.FirstSeen, cluster.LastSeen));
        Assert.Equal(Enumerable.Range(1, 8).Select(id => (long)id), cluster.QuestionIds);
        // The same words in another form (full-width, Traditional) are one wording.
        Assert.Equal(["怎么开发票", "可以开发票吗", "能开发票吗？", "ＫＥＹ可以开发票吗", "发票怎么开", "我要开发票"], cluster.Questions);
        Assert.Equal(5, cluster.Examples.Count);
        Assert.Equal(cluster.SuggestedTitle, cluster.Examples[0]);
        Assert.Equal(["我要开发票", "发票怎么开", "ＫＥＹ可以开发票吗", "能开发票吗？"], cluster.Examples.Skip(1).Except([cluster.SuggestedTitle]).Take(4));
        Assert.Equal("faq_bill", cluster.TopIntent);
    }

    [Fact]
    public void ALaterQuestion_JoinsTheClusterWithoutRenamingIt()
    {
        var before = Cluster("可以货到付款吗", "怎么开发票", "能不能货到付款");
        var after = Cluster("可以货到付款吗", "怎么开发票", "能不能货到付款", "货到付款可以吗");

        var cashOnDelivery = after.Single(cluster => cluster.Questions.Contains("货到付款可以吗"));
        Assert.Equal(before.Single(cluster => cluster.Questions.Contains("能不能货到付款")).Id, cashOnDelivery.Id);
        Assert.Equal(3, cashOnDelivery.Count);
        Assert.Equal(cashOnDelivery, after[0]);
    }

    [Fact]
    public void NoQuestions_NoClusters_AndMismatchedVectorsAreRefused()
    {
        Assert.Empty(_clusterer.Cluster([], []));
        Assert.Throws<ArgumentException>(() => _clusterer.Cluster([Question(1, "发票")], []));
    }

    private IReadOnlyList<QuestionCluster> Cluster(params string[] texts)
    {
        var questions = texts.Select((text, index) => Question(index + 1, text)).ToList();
        return _clusterer.Cluster(questions, [.. texts.Select(text => new ReadOnlyMemory<float>(_embedder.Embed(text)))]);
    }

    // Clusters by size, then the order of their first question, each as its wordings.
    private static List<List<string>> Wordings(IReadOnlyList<QuestionCluster> clusters) =>
        [.. clusters.OrderByDescending(cluster => cluster.Count).ThenBy(cluster => cluster.Id).Select(cluster => cluster.Questions.ToList())];

    private static UnansweredQuestion Question(long id, string text) => new(id, "conversation-" + id, "activity-" + id, text,
        TextLanguage.Detect(text) ?? "zh-CN", "webchat", id % 3 == 0 ? Intents.OutOfScope : "faq_bill", 0.3, 0.2f, UnansweredReason.OutOfScope,
        Start.AddHours(id - 1));
}
