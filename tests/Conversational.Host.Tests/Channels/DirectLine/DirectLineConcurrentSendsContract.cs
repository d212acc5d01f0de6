using Conversational.Bots.Activities;
using Conversational.Testing;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>Twenty messages, each posted twice at once (a client retrying), racing into one Direct Line conversation, on each store.</summary>
public abstract class DirectLineConcurrentSendsContract : IAsyncLifetime
{
    private ConversationalFactory _factory = null!;

    protected abstract Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync();

    public async Task InitializeAsync() => _factory = new ConversationalFactory(DirectLineApi.Settings(await StoreSettingsAsync()));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ConcurrentSendsAndReplays_EachMessageIsOneTurn_EchoThenReply_InOrder()
    {
        var api = new DirectLineApi(_factory.CreateClient());
        var conversation = await api.StartAsync((await api.GenerateTokenAsync()).Token);

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            api.SayAsync(conversation.ConversationId, conversation.Token, $"你好 {i / 2}", $"m-{i / 2}")));

        var history = (await api.ActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities;
        Assert.Equal(41, history.Count);
        Assert.Equal(20, history.Where(a => a.From!.Role == RoleTypes.User).Select(a => a.Text).Distinct().Count());
        Assert.Equal(history.Select(a => a.Id).Order(StringComparer.Ordinal), history.Select(a => a.Id));
        for (var i = 1; i < history.Count; i += 2)
        {
            Assert.Equal(RoleTypes.User, history[i].From!.Role);
            Assert.Equal(history[i].Id, history[i + 1].ReplyToId);
        }

        // Both posts of a message answer the one echo's id.
        for (var i = 0; i < ids.Length; i += 2)
        {
            Assert.Equal(ids[i], ids[i + 1]);
            Assert.Equal($"你好 {i / 2}", Assert.Single(history, a => a.Id == ids[i]).Text);
        }
    }
}

public sealed class SqliteDirectLineConcurrentSendsTests : DirectLineConcurrentSendsContract
{
    protected override Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineConcurrentSendsTests(PostgresFixture postgres) : DirectLineConcurrentSendsContract
{
    protected override async Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:PostgreSqlConnectionString"] = await postgres.Server.CreateDatabaseAsync("directline"),
    };
}
