using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Testing;

namespace Conversational.Host.Tests.Channels.App;

/// <summary>Fifty customers' messages racing into one conversation over HTTP, on each store.</summary>
public abstract class ConcurrentSendsContract : IAsyncLifetime
{
    private ConversationalFactory _factory = null!;

    protected abstract Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync();

    public async Task InitializeAsync() => _factory = new ConversationalFactory(await StoreSettingsAsync());

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FiftyConcurrentSends_EveryMessageAndReplyStoredOnce_InOrder_WithContiguousIds()
    {
        var customer = await AppApi.CreateVisitorAsync(_factory.CreateClient());
        var conversation = (await customer.StartAsync()).ConversationId;

        var turns = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => customer.SayAsync(conversation, $"你好 {i}", $"m-{i}")));

        var history = (await customer.ActivitiesAsync(conversation)).Activities;
        Assert.Equal(101, history.Count);
        Assert.Equal(50, history.Where(a => a.From!.Role == RoleTypes.User).Select(a => a.Text).Distinct().Count());
        var ids = history.Select(a => long.Parse(a.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        for (var i = 1; i < history.Count; i += 2)
        {
            Assert.Equal(RoleTypes.User, history[i].From!.Role);
            Assert.Equal(history[i].Id, history[i + 1].ReplyToId);
        }

        Assert.All(turns, t => Assert.Equal(t.Activities[0].Id, t.Activities[1].ReplyToId));
    }
}

public sealed class SqliteConcurrentSendsTests : ConcurrentSendsContract
{
    protected override Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentSendsTests(PostgresFixture postgres) : ConcurrentSendsContract
{
    protected override async Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:PostgreSqlConnectionString"] = await postgres.Server.CreateDatabaseAsync("host"),
    };
}
