using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Skills.Tests;

/// <summary>Storage and the skills in a generic host on a fresh database (a temp SQLite file or a new PostgreSQL database).</summary>
public sealed class SkillsHost : IAsyncDisposable
{
    private readonly StoreHost _host;

    private SkillsHost(StoreHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <param name="seedDemoData">Whether the demo seeds (cards among them) run at start.</param>
    /// <param name="configureServices">Last changes to the services, e.g. a fake clock.</param>
    /// <param name="configuration">More settings, e.g. an <c>InstallmentProducts</c> section.</param>
    public static async Task<SkillsHost> StartAsync(StoreKind store, PostgresServer? postgres = null, bool seedDemoData = true,
        Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>())
        {
            ["Storage:SeedDemoData"] = seedDemoData ? "true" : "false",
        };
        return new(await StoreHost.StartAsync(store, postgres, builder =>
        {
            builder.AddStorage();
            builder.AddSkills();
        }, settings, configureServices));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
