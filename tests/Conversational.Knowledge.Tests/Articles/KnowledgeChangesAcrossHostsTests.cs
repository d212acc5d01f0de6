using Conversational.Knowledge.Articles;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Knowledge.Tests.Articles;

/// <summary>On PostgreSQL, a change committed on one host is announced to the others (LISTEN/NOTIFY), so their indexes can follow.</summary>
[Collection(PostgresCollection.Name)]
public sealed class KnowledgeChangesAcrossHostsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AChangeOnOneHost_IsAnnouncedOnAnother_WithItsSequence()
    {
        await using var first = await StoreHost.StartAsync(StoreKind.PostgreSql, postgres.Server, builder =>
        {
            builder.AddStorage();
            builder.Services.AddKnowledgeArticles();
        });
        await using var second = await first.StartPeerAsync();
        await second.Services.GetRequiredService<DatabaseNotificationListener>().Listening;
        var announced = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Services.GetRequiredService<IKnowledgeChanges>().Changed += (_, change) => announced.TrySetResult(change.Sequence);

        await first.Services.GetRequiredService<SqlKnowledgeStore>().CreateAsync(KnowledgeSamples.Faq(), "trainer", default);
        var sequence = await announced.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var change = Assert.Single(await second.Services.GetRequiredService<IKnowledgeChanges>().ReadAsync(0, 10, default));
        Assert.Equal((sequence, "returns-window", KnowledgeChangeKind.Created), (change.Sequence, change.Entry.Id, change.Kind));
    }
}
