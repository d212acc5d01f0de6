using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Testing;

namespace Conversational.Host.Tests.Desk;

/// <summary>
/// Two hosts on one PostgreSQL, as behind a load balancer: the customer's widget talks to host A, the agent's desk to
/// host B. Streams idle for minutes between keep-alives here, so only PostgreSQL's NOTIFY can bring a message across in time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHostChatTests(PostgresFixture postgres)
{
    private const int MessagesEachWay = 15;

    [Fact]
    public async Task A_customer_on_one_host_and_an_agent_on_another_see_every_message_of_both_once_and_in_order()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSqlConnectionString"] = await postgres.Server.CreateDatabaseAsync("twohosts"),
            ["AppChannel:StreamKeepAlive"] = "00:05:00",
        };
        await using var hostA = new ConversationalFactory(settings);
        await using var hostB = new ConversationalFactory(settings);
        var customer = await AppApi.CreateVisitorAsync(hostA.CreateClient());
        var conversation = (await customer.StartAsync()).ConversationId;
        await Handoffs.QueueAsync(hostA.Services, conversation, customer.Visitor.CustomerId);
        using var agent = await DeskApi.SignInAsync(hostB, "agent1");
        await agent.GoAvailableAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await agent.WaitForOfferAsync(conversation, timeout.Token);
        await agent.AcceptAsync(conversation);
        using var desk = await agent.OpenStreamAsync(timeout.Token);
        using var widget = await OpenCustomerStreamAsync(customer, conversation, timeout.Token);

        // Both sides write at once, each in its own order.
        await Task.WhenAll(
            SendAllAsync(i => customer.SayAsync(conversation, $"客户 {i}")),
            SendAllAsync(i => agent.ReplyAsync(conversation, $"坐席 {i}")));
        var atDesk = await CollectAsync(async () => (await desk.NextActivityAsync(timeout.Token)).Activity, timeout.Token);
        var atWidget = await CollectAsync(() => NextActivityAsync(widget, timeout.Token), timeout.Token);

        AssertComplete(atDesk);
        AssertComplete(atWidget);
        Assert.Equal(atDesk.Select(a => a.Id), atWidget.Select(a => a.Id));
    }

    private static async Task SendAllAsync(Func<int, Task> send)
    {
        for (var i = 1; i <= MessagesEachWay; i++)
        {
            await send(i);
        }
    }

    /// <summary>Activities from a stream until every customer and agent message has arrived.</summary>
    private static async Task<List<Activity>> CollectAsync(Func<Task<Activity>> next, CancellationToken cancellationToken)
    {
        var seen = new List<Activity>();
        while (seen.Count(a => a.From?.Role is RoleTypes.User or RoleTypes.Agent) < 2 * MessagesEachWay)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var activity = await next();
            if (activity.Text?.StartsWith("客户 ", StringComparison.Ordinal) == true || activity.From?.Role == RoleTypes.Agent)
            {
                seen.Add(activity);
            }
        }

        return seen;
    }

    /// <summary>Each side's messages exactly once, in the order sent, and the whole in the log's order.</summary>
    private static void AssertComplete(List<Activity> activities)
    {
        var expected = Enumerable.Range(1, MessagesEachWay).ToList();
        Assert.Equal(expected.Select(i => $"客户 {i}"), activities.Where(a => a.From?.Role == RoleTypes.User).Select(a => a.Text));
        Assert.Equal(expected.Select(i => $"坐席 {i}"), activities.Where(a => a.From?.Role == RoleTypes.Agent).Select(a => a.Text));
        var seqs = activities.Select(a => long.Parse(a.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
    }

    private static async Task<StreamReader> OpenCustomerStreamAsync(AppApi customer, string conversationId, CancellationToken cancellationToken)
    {
        var after = (await customer.ActivitiesAsync(conversationId)).Watermark;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/conversations/{conversationId}/stream?after={after}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Visitor.Token);
        var response = await customer.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    private static async Task<Activity> NextActivityAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "activity")
            {
                return JsonSerializer.Deserialize<Activity>(line[6..], ConversationJson.Options)!;
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
