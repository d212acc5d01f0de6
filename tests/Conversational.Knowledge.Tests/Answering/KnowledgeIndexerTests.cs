using Conversational.Knowledge.Answering;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Tests.Articles;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Knowledge.Tests.Answering;

/// <summary>A trainer's change reaches the bot's search without a restart, on this host and on the others.</summary>
[Collection(PostgresCollection.Name)]
public sealed class KnowledgeIndexerTests(PostgresFixture postgres)
{
    private const string NewQuestion = "退货的时候鞋盒丢了还能退吗";

    [Fact]
    public async Task EntriesStoredBeforeStart_AreIndexedAtStart()
    {
        await using var first = await StartAsync(StoreKind.Sqlite);
        await Store(first).CreateAsync(KnowledgeSamples.Faq(), "trainer", default);

        await using var second = await first.StartPeerAsync();

        Assert.Equal("returns-window", (await SearchAsync(second, "签收后几天可以退货")).Best?.EntryId);
    }

    [Fact]
    public async Task CreatedEditedAndRetiredEntries_AreLiveForTheSearch_WithoutARestart()
    {
        await using var host = await StartAsync(StoreKind.Sqlite);
        var store = Store(host);

        var created = await store.CreateAsync(KnowledgeSamples.Faq(), "trainer", default);
        await EventuallyAsync(host, "签收后几天可以退货", found => found.Best?.EntryId == "returns-window");

        var edited = await store.EditAsync(KnowledgeSamples.Faq() with { Questions = [NewQuestion] }, created.Version, "trainer", default);
        // The indexer writes the changed chunks before it drops the ones past the new count, so wait for both: the title
        // and the one question left, the two dropped questions' chunks gone.
        var retriever = host.Services.GetRequiredService<HybridRetriever>();
        await EventuallyAsync(host, NewQuestion, found => found.Best?.Chunk.Text == NewQuestion && retriever.Count == 2);

        await store.RetireAsync("returns-window", edited!.Version, "trainer", default);
        await EventuallyAsync(host, NewQuestion, found => found.Hits.Count == 0);
        var lookup = await host.Services.GetRequiredService<KnowledgeAnswerer>().LookUpAsync(NewQuestion, "zh-CN", "app", 0, default);
        Assert.Null(lookup.Answer);
    }

    [Fact]
    public async Task AnAnswerableEntry_IsLookedUpWithItsAnswerAndTitle_OnlyOnItsChannels()
    {
        await using var host = await StartAsync(StoreKind.Sqlite);
        await Store(host).CreateAsync(KnowledgeSamples.Faq() with { Channels = ["app"] }, "trainer", default);
        // An entry's words are searchable a moment before its vectors; wait until it is indexed whole and answers.
        await EventuallyAsync(host, "签收后几天可以退货", found => found.Answerable);
        var answerer = host.Services.GetRequiredService<KnowledgeAnswerer>();

        var onApp = await answerer.LookUpAsync("签收后几天可以退货", "zh-CN", "app", 0, default);
        var onWeChat = await answerer.LookUpAsync("签收后几天可以退货", "zh-CN", "wechat", 0, default);

        Assert.Equal(("returns-window", "七天无理由退货怎么算"), (onApp.Answer?.EntryId, onApp.Answer?.Title));
        Assert.Contains("7天", onApp.Answer!.Text, StringComparison.Ordinal);
        Assert.Null(onWeChat.Answer);
        Assert.Empty(onWeChat.Result.Hits);
    }

    [Fact]
    public async Task AChangeOnOneHost_ReachesTheOtherHostsSearch()
    {
        await using var first = await StartAsync(StoreKind.PostgreSql);
        await using var second = await first.StartPeerAsync();
        await second.Services.GetRequiredService<DatabaseNotificationListener>().Listening;

        await Store(first).CreateAsync(KnowledgeSamples.Faq(), "trainer", default);

        await EventuallyAsync(second, "签收后几天可以退货", found => found.Best?.EntryId == "returns-window");
    }

    private Task<StoreHost> StartAsync(StoreKind kind) =>
        StoreHost.StartAsync(kind, kind == StoreKind.PostgreSql ? postgres.Server : null, builder =>
        {
            builder.AddStorage();
            builder.AddKnowledge();
        });

    private static SqlKnowledgeStore Store(StoreHost host) => host.Services.GetRequiredService<SqlKnowledgeStore>();

    private static Task<SearchResult> SearchAsync(StoreHost host, string question) =>
        host.Services.GetRequiredService<HybridRetriever>().SearchAsync(question, new SearchFilter("zh-CN", "app"), 5, default);

    // The index follows changes in the background; wait for it (bounded), then assert on what it found.
    private static async Task EventuallyAsync(StoreHost host, string question, Func<SearchResult, bool> expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var found = await SearchAsync(host, question);
        while (!expected(found) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
            found = await SearchAsync(host, question);
        }

        Assert.True(expected(found), $"the search for {question} found {string.Join(", ", found.Hits.Select(hit => hit.Chunk.Id))}");
    }
}
