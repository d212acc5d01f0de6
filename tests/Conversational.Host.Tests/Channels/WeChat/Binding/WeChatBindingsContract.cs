using Conversational.Host.Channels.WeChat.Binding;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.WeChat.Binding;

/// <summary>The bindings' store, the same on SQLite and on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WeChatBindingsContract(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task An_OpenID_has_one_customer_until_it_is_unbound(string provider)
    {
        await using var host = await StartAsync(provider);
        var bindings = host.Services.GetRequiredService<WeChatBindings>();

        Assert.Null(await bindings.CustomerOfAsync("o1", CancellationToken.None));
        Assert.Equal(BindingOutcome.Bound, await bindings.AddAsync("o1", "c1003", CancellationToken.None));
        Assert.Equal(BindingOutcome.Bound, await bindings.AddAsync("o1", "c1003", CancellationToken.None));
        Assert.Equal(BindingOutcome.BoundToAnother, await bindings.AddAsync("o1", "c1004", CancellationToken.None));
        Assert.Equal(BindingOutcome.Bound, await bindings.AddAsync("o2", "c1003", CancellationToken.None));
        Assert.Equal("c1003", await bindings.CustomerOfAsync("o1", CancellationToken.None));
        Assert.True(await bindings.RemoveAsync("o1", CancellationToken.None));
        Assert.False(await bindings.RemoveAsync("o1", CancellationToken.None));
        Assert.Null(await bindings.CustomerOfAsync("o1", CancellationToken.None));
        Assert.Equal("c1003", await bindings.CustomerOfAsync("o2", CancellationToken.None));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Of_two_customers_binding_one_OpenID_at_once_exactly_one_wins(string provider)
    {
        await using var host = await StartAsync(provider);
        var bindings = host.Services.GetRequiredService<WeChatBindings>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            bindings.AddAsync("o-race", i % 2 == 0 ? "c1003" : "c1004", CancellationToken.None)));
        var winner = await bindings.CustomerOfAsync("o-race", CancellationToken.None);

        Assert.Equal(4, outcomes.Count(o => o == BindingOutcome.Bound));
        Assert.Contains(winner, new[] { "c1003", "c1004" });
    }

    private async Task<ConversationalFactory> StartAsync(string provider)
    {
        var factory = new ConversationalFactory(provider == "PostgreSql"
            ? new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql",
                ["Storage:PostgreSqlConnectionString"] = await postgres.Server.CreateDatabaseAsync("wechatbindings"),
            }
            : null);
        _ = factory.Server;
        return factory;
    }
}
