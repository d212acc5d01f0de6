using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Tests.Articles;

namespace Conversational.Knowledge.Tests.Answering;

public sealed class EntryChunksTests
{
    [Fact]
    public void Faq_IsItsTitleAndEachQuestion_NumberedUnderItsId_WithItsRestrictions()
    {
        var content = KnowledgeSamples.Faq() with { Channels = ["app"] };

        var chunks = EntryChunks.Of(content);

        Assert.Equal(["七天无理由退货怎么算", "七天无理由从哪天开始算", "签收后几天可以退货"], chunks.Select(chunk => chunk.Text));
        Assert.Equal(["returns-window#0", "returns-window#1", "returns-window#2"], chunks.Select(chunk => chunk.Id));
        Assert.All(chunks, chunk => Assert.Equal(("returns-window", "七天无理由退货怎么算", "zh-CN", "app"),
            (chunk.EntryId, chunk.Title, chunk.Language, Assert.Single(chunk.Channels))));
    }

    [Fact]
    public void Article_IsItsTitleAndThePiecesOfALongAnswer()
    {
        var answer = string.Join("", Enumerable.Range(1, 60).Select(n => $"第{n}条规则说明退货的一个细节。"));
        var content = KnowledgeSamples.Faq() with { Kind = KnowledgeKind.Article, Questions = [], Answer = answer };

        var chunks = EntryChunks.Of(content);

        Assert.Equal("七天无理由退货怎么算", chunks[0].Text);
        Assert.True(chunks.Count > 2, $"a {answer.Length}-character answer should be more than one piece");
        Assert.Contains("第60条", chunks[^1].Text, StringComparison.Ordinal);
    }
}
