using Conversational.Handoff.Queues;
using Conversational.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Handoff.Tests;

/// <summary>
/// Base of the handoff contracts: one host's stores on a fresh database of the engine the subclass names, a fake
/// clock the test moves, and the customers it queues one second apart so arrival order is unambiguous.
/// </summary>
public abstract class HandoffContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected HandoffStores Stores { get; private set; } = null!;

    protected virtual HandoffOptions Options => new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Stores = await HandoffStores.OpenAsync(_database.Open(), Time, Options);
    }

    public async Task DisposeAsync()
    {
        await Stores.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>Closes this host's connections and opens the same database again, as a restarted host.</summary>
    protected async Task RestartAsync()
    {
        await Stores.DisposeAsync();
        Stores = await HandoffStores.OpenAsync(_database.Open(), Time, Options);
    }

    /// <summary>Another host on the same database (same clock).</summary>
    protected Task<HandoffStores> PeerAsync() => HandoffStores.OpenAsync(_database.Open(), Time, Options);

    protected async Task<QueuePosition> EnqueueAsync(string conversationId, string customerId, string group = "general", int priority = 10,
        string? dedicatedAgentId = null)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return await Stores.Queue.EnqueueAsync(
            new QueueRequest(conversationId, customerId, group, priority, priority >= 80 ? 8 : 0, dedicatedAgentId, "customer_asked"), default);
    }
}
