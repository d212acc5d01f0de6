using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests;

/// <summary>The bots runtime (with every area it uses) in a generic host on a fresh database.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly StoreHost _host;

    private BotHost(StoreHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ConversationRuntime Runtime => Services.GetRequiredService<ConversationRuntime>();

    public IConversationStore Store => Services.GetRequiredService<IConversationStore>();

    /// <summary>The settings that point a host at the store, for tests that build more than one host on it.</summary>
    public IReadOnlyDictionary<string, string?> StorageSettings => _host.StorageSettings;

    public static async Task<BotHost> StartAsync(StoreKind store, PostgresServer? postgres = null,
        Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await StoreHost.StartAsync(store, postgres, builder => builder.AddBots(), settings, configureServices));

    /// <summary>A second host on the same store, as another process would be.</summary>
    public async Task<BotHost> StartPeerAsync(Action<IServiceCollection>? configureServices = null) =>
        new(await _host.StartPeerAsync(configureServices));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
