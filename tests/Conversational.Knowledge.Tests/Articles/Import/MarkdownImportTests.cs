using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Articles.Import;

namespace Conversational.Knowledge.Tests.Articles.Import;

public sealed class MarkdownImportTests : IDisposable
{
    private const string ReturnsWindow = """
        ---
        id: returns-window
        title: 七天无理由退货怎么算
        language: zh-CN
        tags: [returns, policy]
        channels: app
        validFrom: 2026-11-01T00:00:00+08:00
        owner: 售后组
        questions:
          - 七天无理由从哪天开始算
          - 签收后几天可以退货
        ---
        签收次日起算，**7天**内可无理由退货。

        ## 例外
        定制商品不支持。
        """;

    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AFolder_IsReadOneEntryAFile_FrontMatterForFields_BodyForTheAnswer()
    {
        _folder.Write("returns/window.md", ReturnsWindow);
        _folder.Write("sizes.md", "---\nid: size-guide\nkind: article\ntitle: Size guide\nlanguage: en\nowner: catalog\n---\nMeasure your foot.\n");
        _folder.Write("README.md", "How this folder is organised.");

        var entries = await KnowledgeFiles.ReadAsync(_folder.Path, default);

        Assert.Equal(["returns-window", "size-guide"], entries.Select(entry => entry.Id));
        var returns = entries[0];
        Assert.Equal(KnowledgeKind.Faq, returns.Kind);
        Assert.Equal(["七天无理由从哪天开始算", "签收后几天可以退货"], returns.Questions);
        Assert.Equal(["returns", "policy"], returns.Tags);
        Assert.Equal(["app"], returns.Channels);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), returns.ValidFrom);
        Assert.Null(returns.ValidUntil);
        Assert.Equal("签收次日起算，**7天**内可无理由退货。\n\n## 例外\n定制商品不支持。", returns.Tidied().Answer);
        Assert.Equal((KnowledgeKind.Article, "Measure your foot."), (entries[1].Kind, entries[1].Tidied().Answer));
    }

    [Theory]
    [InlineData("id: x\n---\nbody", 1, "starts with its YAML front matter")]
    [InlineData("---\nid: x\nbody", 1, "closing '---' line is missing")]
    [InlineData("---\nid: x\ntitle: a: b\n---\nbody", 3, "not valid YAML")]
    [InlineData("---\nid: x\ntittle: 标题\n---\nbody", 3, "'tittle' is not a field")]
    [InlineData("---\nid: x\nanswer: 答案\n---\nbody", 3, "the answer is the Markdown after the front matter")]
    [InlineData("---\nid: x\ntitle: [a, b]\n---\nbody", 3, "title: expected one value")]
    [InlineData("---\nid: x\nvalidUntil: 2026-12-01\n---\nbody", 3, "validUntil: '2026-12-01' is not a date and time with its offset")]
    [InlineData("---\nid: x\nkind: manual\n---\nbody", 3, "kind: 'manual' is neither faq nor article")]
    [InlineData("---\nid: x\n? [a, b]\n: value\n---\nbody", 3, "a field name must be plain text")]
    public async Task AMalformedFile_IsReportedWithItsLineAndReason(string text, int line, string reason)
    {
        _folder.Write("entry.md", text);

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => KnowledgeFiles.ReadAsync(_folder.Path, default));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("entry.md", line), (problem.Source, problem.Line));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenRules_AreReportedAtTheirFieldsLines_AndOneBadFileFailsTheFolder()
    {
        _folder.Write("a-good.md", ReturnsWindow);
        _folder.Write("b-bad.md", "---\nid: bad-entry\ntitle: 标题\nlanguage: fr\nowner: 售后组\n---\n");

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => KnowledgeFiles.ReadAsync(_folder.Path, default));

        Assert.Equal(
            ["b-bad.md:1: questions: a FAQ needs at least one question.", "b-bad.md:7: answer: must not be empty.",
                "b-bad.md:4: language: 'fr' is not one of zh-CN, en."],
            refused.Problems.Select(problem => problem.ToString()));
    }

    [Fact]
    public async Task TheSameIdInTwoFiles_IsReportedAtTheSecond()
    {
        _folder.Write("a.md", ReturnsWindow);
        _folder.Write("b.md", ReturnsWindow);

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => KnowledgeFiles.ReadAsync(_folder.Path, default));

        Assert.Equal("b.md:1: id: 'returns-window' is also given at a.md:1.", Assert.Single(refused.Problems).ToString());
    }
}
