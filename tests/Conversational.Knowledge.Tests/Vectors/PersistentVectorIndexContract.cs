using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Vectors;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Knowledge.Tests.Vectors;

/// <summary>Vectors kept in <c>knowledge_vectors</c> and loaded at start, on SQLite and on PostgreSQL.</summary>
public abstract class PersistentVectorIndexContract(StoreKind store, PostgresServer? postgres) : IAsyncLifetime
{
    private StoreHost? _host;

    private StoreHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _host = await StoreHost.StartAsync(store, postgres, builder =>
        {
            builder.AddStorage();
            builder.AddKnowledge();
        });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static VectorPoint Point(string id, float[] vector, params string[] channels) =>
        new(id, vector, new Dictionary<string, IReadOnlyList<string>> { ["channel"] = channels, ["language"] = ["zh-CN"] });

    private static float[] Vector(int hot)
    {
        var vector = new float[384];
        vector[hot] = 1f;
        vector[(hot + 1) % 384] = 0.25f;
        return vector;
    }

    [Fact]
    public async Task Changes_AreStoredAndAPeerHostLoadsThemAtStart()
    {
        var index = Host.Services.GetRequiredService<IVectorIndex>();
        await index.UpsertAsync([Point("a", Vector(1), "app"), Point("b", Vector(2), "wechat", "app"), Point("c", Vector(3), "app")], default);
        await index.UpsertAsync([Point("b", Vector(4), "wechat")], default);
        await index.DeleteAsync(["c", "never-stored"], default);

        await using var peer = await Host.StartPeerAsync();
        var loaded = peer.Services.GetRequiredService<IVectorIndex>();

        Assert.Equal("a", (await loaded.SearchAsync(Vector(1), 1, null, default))[0].Id);
        var b = (await loaded.SearchAsync(Vector(4), 1, null, default))[0];
        Assert.Equal("b", b.Id);
        Assert.Equal(1f, b.Score, 4);
        var wechat = await loaded.SearchAsync(Vector(1), 5, new VectorFilter([new PayloadCondition("channel", ["wechat"])]), default);
        Assert.Equal(["b"], wechat.Select(match => match.Id));
        Assert.DoesNotContain(await loaded.SearchAsync(Vector(3), 5, null, default), match => match.Id == "c");
    }

    [Fact]
    public async Task VectorsOfAnotherModel_AreNotLoaded()
    {
        var vectors = Host.Services.GetRequiredService<SqlVectorStore>();
        await vectors.UpsertAsync("some-other-encoder", [Point("other", Vector(5), "app")], default);

        await using var peer = await Host.StartPeerAsync();

        Assert.Empty(await peer.Services.GetRequiredService<IVectorIndex>().SearchAsync(Vector(5), 5, null, default));
    }

    [Fact]
    public async Task Retriever_FromTheServices_IndexesAndFindsKnowledge()
    {
        var retriever = Host.Services.GetRequiredService<HybridRetriever>();

        await retriever.IndexAsync(
        [
            new KnowledgeChunk("a#1", "a", "信用卡账单可以分期吗", "账单分期", "zh-CN", [], []),
            new KnowledgeChunk("b#1", "b", "退货运费谁承担", "退货运费", "zh-CN", [], []),
        ], default);

        Assert.Equal("a", (await retriever.SearchAsync("账单分期", null, 3, default)).Best!.EntryId);
    }
}

public sealed class SqlitePersistentVectorIndexTests() : PersistentVectorIndexContract(StoreKind.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistentVectorIndexTests(PostgresFixture postgres) : PersistentVectorIndexContract(StoreKind.PostgreSql, postgres.Server);
