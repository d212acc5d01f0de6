using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Conversations;

/// <summary>What every <see cref="IConversationStore"/> must do; run once per engine by the subclasses below.</summary>
public abstract class ConversationStoreContract(StoreKind kind, PostgresServer? postgres) : IAsyncLifetime
{
    private BotHost? _host;

    protected BotHost Host => _host!;

    protected IConversationStore Store => Host.Store;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(kind, postgres);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Start_RecordsConversationStartedAsFirstEvent()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);

        var events = await Store.ReadAsync(record.Id, 0, default);
        var started = Assert.Single(events);
        Assert.Equal(1, started.Seq);
        Assert.Equal(new ConversationStarted("c1", "app", "zh-CN"), started.Event);
        Assert.Equal(record with { Version = 1 }, await Store.FindAsync(record.Id, default));
    }

    [Fact]
    public async Task Append_GivesContiguousSequenceNumbers_AndReadAfterCursorReturnsOnlyLaterEvents()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);

        await Store.AppendAsync(record.Id, 1, [new IntentRecognized("greeting", 1), new HandoffRequested("customer_asked")], default);
        await Store.AppendAsync(record.Id, 3, [new DialogReset("test")], default);

        var all = await Store.ReadAsync(record.Id, 0, default);
        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Seq));
        var later = await Store.ReadAsync(record.Id, 2, default);
        Assert.Equal([typeof(HandoffRequested), typeof(DialogReset)], later.Select(e => e.Event.GetType()));
        Assert.Equal(4, (await Store.FindAsync(record.Id, default))!.Version);
    }

    [Fact]
    public async Task Events_RoundTripWithChineseTextSuggestedActionsAndChannelData()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);
        var channelData = JsonDocument.Parse("""{"clientActivityID":"abc-1","nested":{"n":1.5}}""").RootElement;
        var activity = Messages.From("c1", record.Id, "这双鞋到手多少钱？😀") with
        {
            ChannelData = channelData,
            SuggestedActions = new SuggestedActions([CardAction.ImBack("转人工")]),
        };

        await Store.AppendAsync(record.Id, 1, [new UserMessaged(activity, "m-1")], default);

        var stored = Assert.IsType<UserMessaged>((await Store.ReadAsync(record.Id, 1, default)).Single().Event);
        Assert.Equal("这双鞋到手多少钱？😀", stored.Activity.Text);
        Assert.Equal("m-1", stored.ChannelMessageId);
        Assert.Equal("转人工", Assert.Single(stored.Activity.SuggestedActions!.Actions).Value);
        Assert.Equal("abc-1", stored.Activity.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal(1.5, stored.Activity.ChannelData.Value.GetProperty("nested").GetProperty("n").GetDouble());
    }

    [Fact]
    public async Task Append_AtStaleVersion_ThrowsConflictAndWritesNothing()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);
        await Store.AppendAsync(record.Id, 1, [new IntentRecognized("greeting", 1)], default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Store.AppendAsync(record.Id, 1, [new IntentRecognized("help", 1), new DialogReset("x")], default));

        Assert.Equal(2, (await Store.ReadAsync(record.Id, 0, default)).Count);
    }

    [Fact]
    public async Task Append_ToUnknownConversation_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<ConversationNotFoundException>(() =>
            Store.AppendAsync("no-such-conversation", 1, [new IntentRecognized("greeting", 1)], default));
    }

    [Fact]
    public async Task Append_WithChannelMessageIdSeenBefore_ThrowsDuplicateAndRollsBackTheWholeBatch()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);
        await Store.AppendAsync(record.Id, 1, [new UserMessaged(Messages.From("c1", record.Id, "你好"), "wx-42")], default);

        await Assert.ThrowsAsync<DuplicateMessageException>(() => Store.AppendAsync(record.Id, 2,
            [new IntentRecognized("greeting", 1), new UserMessaged(Messages.From("c1", record.Id, "你好"), "wx-42")], default));

        Assert.Equal(2, (await Store.ReadAsync(record.Id, 0, default)).Count);
        Assert.Equal(2, (await Store.FindAsync(record.Id, default))!.Version);
        Assert.Equal(2, await Store.FindByDedupeKeyAsync(record.Id, "wx-42", default));
        Assert.Null(await Store.FindByDedupeKeyAsync(record.Id, "wx-43", default));
    }

    [Fact]
    public async Task ConcurrentAppendsAtOneVersion_ExactlyOneWins()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.AppendAsync(record.Id, 1, [new IntentRecognized($"intent-{i}", 1)], default);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal([1L, 2], (await Store.ReadAsync(record.Id, 0, default)).Select(e => e.Seq));
    }

    [Fact]
    public async Task ListByCustomer_ReturnsOnlyTheirConversationsNewestFirst()
    {
        var first = await Store.StartAsync("alice", "app", "zh-CN", default);
        await Store.StartAsync("bob", "app", "zh-CN", default);
        var second = await Store.StartAsync("alice", "app", "en", default);

        var list = await Store.ListByCustomerAsync("alice", 10, default);

        Assert.Equal([second.Id, first.Id], list.Select(r => r.Id));
    }

    [Fact]
    public async Task TurnLock_HoldsOffASecondTurnOnTheSameConversationUntilReleased()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);
        var first = await Store.LockTurnAsync(record.Id, default);

        var second = Store.LockTurnAsync(record.Id, default).AsTask();
        var other = await Store.LockTurnAsync("another-conversation", default);
        await Task.Delay(200);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
        await other.DisposeAsync();
    }
}

public sealed class SqliteConversationStoreTests() : ConversationStoreContract(StoreKind.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationStoreTests(PostgresFixture postgres) : ConversationStoreContract(StoreKind.PostgreSql, postgres.Server)
{
    [Fact]
    public async Task AppendOnOneHost_WakesTheOtherHostsFeedForThatConversation()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);
        await using var peer = await Host.StartPeerAsync();
        await peer.Services.GetRequiredService<DatabaseNotificationListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var peerFeed = peer.Services.GetRequiredService<ConversationChangeFeed>();
        var woken = peerFeed.NextChange(record.Id);
        var untouched = peerFeed.NextChange("another-conversation");

        await Store.AppendAsync(record.Id, 1, [new IntentRecognized("greeting", 1)], default);

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(untouched.IsCompleted);
    }

    [Fact]
    public async Task TurnLock_IsExclusiveAcrossHosts()
    {
        var record = await Store.StartAsync("c1", "app", "zh-CN", default);
        await using var peer = await Host.StartPeerAsync();
        var held = await Store.LockTurnAsync(record.Id, default);

        var waiting = peer.Store.LockTurnAsync(record.Id, default).AsTask();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }
}
