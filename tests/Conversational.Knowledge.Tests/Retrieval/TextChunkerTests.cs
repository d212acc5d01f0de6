using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class TextChunkerTests
{
    private static readonly string EnglishArticle = string.Join("\n\n", Enumerable.Range(1, 12).Select(paragraph =>
        string.Join(" ", Enumerable.Range(1, 4).Select(sentence => $"Paragraph {paragraph} sentence {sentence} explains one rule of returns."))));

    [Fact]
    public void Split_ShortText_IsOneChunkWithTheWholeText()
    {
        var chunks = new TextChunker().Split("Returns are free within 7 days. Keep the receipt.");

        Assert.Equal(["Returns are free within 7 days. Keep the receipt."], chunks);
    }

    [Fact]
    public void Split_LongArticle_KeepsEveryChunkWithinTheBudgetAndEverySentenceInSomeChunk()
    {
        var chunker = new TextChunker(MaxCharacters: 300, OverlapCharacters: 80);

        var chunks = chunker.Split(EnglishArticle);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, 300));
        foreach (var paragraph in Enumerable.Range(1, 12))
        {
            Assert.Contains(chunks, chunk => chunk.Contains($"Paragraph {paragraph} sentence 4 explains", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Split_NextChunk_StartsWithThePreviousChunksLastSentence()
    {
        var chunks = new TextChunker(MaxCharacters: 300, OverlapCharacters: 80).Split(EnglishArticle);

        var lastSentence = chunks[0][(chunks[0].LastIndexOf("Paragraph", StringComparison.Ordinal))..];
        Assert.StartsWith(lastSentence, chunks[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ChineseText_CutsAfterChineseSentenceEndsWithoutAddingSpaces()
    {
        var text = string.Concat(Enumerable.Repeat("信用卡账单可以申请分期，分期手续费按期收取。提前还款需要支付剩余手续费！", 10));

        var chunks = new TextChunker(MaxCharacters: 100, OverlapCharacters: 40).Split(text);

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.Length, 1, 100);
            Assert.DoesNotContain(' ', chunk);
            Assert.Contains(chunk[^1], "。！");
        });
    }

    [Fact]
    public void Split_SentenceLongerThanTheBudget_IsCutAtSpacesIntoPiecesThatFit()
    {
        var sentence = string.Join(" ", Enumerable.Repeat("installment", 60));

        var chunks = new TextChunker(MaxCharacters: 100, OverlapCharacters: 0).Split(sentence);

        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.Length, 1, 100);
            Assert.All(chunk.Split(' '), word => Assert.Equal("installment", word));
        });
        Assert.Equal(60, chunks.Sum(chunk => chunk.Split(' ').Length));
    }

    [Fact]
    public void Split_EmptyOrBlankText_HasNoChunks()
    {
        Assert.Empty(new TextChunker().Split(""));
        Assert.Empty(new TextChunker().Split("\n\n  \n"));
    }
}
