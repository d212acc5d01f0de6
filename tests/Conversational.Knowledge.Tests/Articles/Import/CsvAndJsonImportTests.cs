using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Articles.Import;

namespace Conversational.Knowledge.Tests.Articles.Import;

public sealed class CsvAndJsonImportTests : IDisposable
{
    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Csv_RowsAreEntries_ListsSplitOnBars_QuotedCellsSpanLines()
    {
        var path = _folder.Write("faq.csv", """
            id,title,questions,answer,language,tags,owner,validUntil
            card-bill-date,账单日是哪天,账单日是哪天|怎么查账单日,"每月**5日**出账单，
            到期还款日为账单日后20天。",zh-CN,cards|bills,信用卡中心,
            size-chart,"How do sizes run?","Do shoes run small?",Shoes run true to size.,en,sizes,catalog,2027-01-01T00:00:00Z
            """);

        var entries = await KnowledgeFiles.ReadAsync(path, default);

        Assert.Equal(["card-bill-date", "size-chart"], entries.Select(entry => entry.Id));
        Assert.Equal(["账单日是哪天", "怎么查账单日"], entries[0].Questions);
        Assert.Equal(["cards", "bills"], entries[0].Tags);
        Assert.Contains("\n到期还款日", entries[0].Answer, StringComparison.Ordinal);
        Assert.Equal((KnowledgeKind.Faq, (DateTimeOffset?)null), (entries[0].Kind, entries[0].ValidUntil));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), entries[1].ValidUntil);
    }

    [Theory]
    [InlineData("id,title,colour\nx,t,red\n", 1, "unknown column(s) colour")]
    [InlineData("title,answer\nt,a\n", 1, "the header has no id column")]
    [InlineData("id,title\n\"a\nb\",t\nx\n", 4, "expected 2 fields like the header, found 1")]
    [InlineData("id,title\n\"x,t\n", 2, "a quoted field is never closed")]
    [InlineData("id,title,questions,answer,language,owner\nx,t,q,a,zh-CN,\n", 2, "owner: must not be empty")]
    [InlineData("id,kind\nx,manual\n", 2, "kind: 'manual' is neither faq nor article")]
    public async Task Csv_Problems_NameTheLineAndReason(string text, int line, string reason)
    {
        var path = _folder.Write("faq.csv", text);

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => KnowledgeFiles.ReadAsync(path, default));

        var problem = refused.Problems[0];
        Assert.Equal(("faq.csv", line), (problem.Source, problem.Line));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_AnArrayOfEntries_WithDefaultsForKindAndLists()
    {
        var path = _folder.Write("faq.json", """
            [
              {
                "id": "early-payoff", "title": "提前还款怎么收费", "questions": ["分期能提前还吗"],
                "answer": "按剩余本金的3%一次性收取。", "language": "zh-CN", "tags": ["installments"], "owner": "信用卡中心",
                "validFrom": "2026-11-01T00:00:00+08:00"
              },
              { "id": "limit-guide", "kind": "article", "title": "Credit limit", "answer": "…", "language": "en", "owner": "cards" }
            ]
            """);

        var entries = await KnowledgeFiles.ReadAsync(path, default);

        Assert.Equal(["early-payoff", "limit-guide"], entries.Select(entry => entry.Id));
        Assert.Equal(KnowledgeKind.Article, entries[1].Kind);
        Assert.Empty(entries[1].Questions);
        Assert.Empty(entries[1].Channels);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), entries[0].ValidFrom);
    }

    [Theory]
    [InlineData("{\"id\": \"x\"}", 1, "expected a JSON array of entries")]
    [InlineData("[\n  {\"id\": \"x\",\n   \"tittle\": \"t\"}\n]", 2, "'tittle' could not be mapped")]
    [InlineData("[\n  {\"id\": \"x\",\n   \"questions\": 5}\n]", 2, "the entry is not valid")]
    [InlineData("[\n  {\"id\": \"x\",\n   \"title\": \n]", 4, "not valid")]
    [InlineData("[\n  \"x\"\n]", 2, "each entry must be a JSON object")]
    [InlineData("[]\n[]", 2, "not valid")]
    [InlineData("[\n  {\"id\": \"a\", \"title\": \"t\", \"questions\": [\"q\"], \"answer\": \"a\", \"language\": \"en\", \"owner\": \"o\"},\n  {\"id\": \"b\"}\n]", 3,
        "title: must not be empty")]
    public async Task Json_Problems_NameTheLineAndReason(string text, int line, string reason)
    {
        var path = _folder.Write("faq.json", text);

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => KnowledgeFiles.ReadAsync(path, default));

        var problem = refused.Problems[0];
        Assert.Equal(("faq.json", line), (problem.Source, problem.Line));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherKindOfFile_OrNothing_IsRefused()
    {
        var path = _folder.Write("faq.xlsx", "");

        var refused = await Assert.ThrowsAsync<KnowledgeImportException>(() => KnowledgeFiles.ReadAsync(path, default));
        await Assert.ThrowsAsync<FileNotFoundException>(() => KnowledgeFiles.ReadAsync(Path.Combine(_folder.Path, "missing.json"), default));

        Assert.Contains("'.xlsx' files cannot be imported", refused.Message, StringComparison.Ordinal);
    }
}
