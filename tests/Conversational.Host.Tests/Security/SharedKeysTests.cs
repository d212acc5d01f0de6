using System.Net;
using Conversational.Testing;

namespace Conversational.Host.Tests.Security;

/// <summary>Hosts behind a load balancer share one PostgreSQL, and with it the keys that sign customer tokens.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedKeysTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ATokenIssuedByOneHost_IsHonouredByAnother()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSqlConnectionString"] = await postgres.Server.CreateDatabaseAsync("keys"),
        };
        await using var first = new ConversationalFactory(settings);
        await using var second = new ConversationalFactory(settings);
        var customer = await AppApi.CreateVisitorAsync(first.CreateClient());
        var conversation = (await customer.StartAsync()).ConversationId;

        var elsewhere = new AppApi(second.CreateClient(), customer.Visitor);
        using var response = await elsewhere.SendAsync(HttpMethod.Get, $"/api/conversations/{conversation}/activities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
