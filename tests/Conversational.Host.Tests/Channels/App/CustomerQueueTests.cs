using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Queues;
using Conversational.Host.Channels.App;
using Conversational.Host.Tests.Desk;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.App;

/// <summary>
/// What a waiting customer learns of the queue: only customers of their own level ahead (invisible priority), an
/// estimate, pushed on their stream. No agent is available here, so everyone keeps waiting.
/// </summary>
public sealed class CustomerQueueTests : CustomerConversationTest
{
    [Fact]
    public async Task A_conversation_never_queued_has_no_queue_status()
    {
        using var response = await Customer.SendAsync(HttpMethod.Get, QueuePath(Conversation));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_customer_is_told_only_of_customers_of_their_own_level_ahead()
    {
        await QueueAnotherAsync(priority: 10);
        await QueueAnotherAsync(priority: 80);
        await QueueAnotherAsync(priority: 80);
        await Handoffs.QueueAsync(Factory.Services, Conversation, Customer.Visitor.CustomerId, priority: 10);

        var status = (await Customer.Http.SendAsync(Authorized(QueuePath(Conversation)))).Content;
        var seen = (await status.ReadFromJsonAsync<CustomerQueueStatus>(ConversationJson.Options))!;
        var json = await status.ReadAsStringAsync();

        Assert.Equal(("waiting", 1, "general"), (seen.State, seen.AheadOfSameLevel, seen.SkillGroup));
        Assert.True(seen.EstimatedWaitSeconds > 0);
        Assert.DoesNotContain("priority", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_customers_queue_status_is_not_found()
    {
        var other = await AppApi.CreateVisitorAsync(Factory.CreateClient());
        await Handoffs.QueueAsync(Factory.Services, Conversation, Customer.Visitor.CustomerId);

        using var response = await other.SendAsync(HttpMethod.Get, QueuePath(Conversation));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_tells_a_waiting_customer_where_they_stand_and_again_when_someone_ahead_leaves()
    {
        var (_, ahead) = await QueueAnotherAsync(priority: 10);
        await Handoffs.QueueAsync(Factory.Services, Conversation, Customer.Visitor.CustomerId, priority: 10);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await OpenStreamAsync(timeout.Token);

        var first = await NextQueueEventAsync(stream, timeout.Token);
        await Factory.Services.GetRequiredService<HandoffQueue>().CancelAsync(ahead, CancellationToken.None);
        var second = await NextQueueEventAsync(stream, timeout.Token);

        Assert.Equal(("waiting", 1), (first.GetProperty("state").GetString(), first.GetProperty("aheadOfSameLevel").GetInt32()));
        Assert.Equal(0, second.GetProperty("aheadOfSameLevel").GetInt32());
    }

    private static string QueuePath(string conversationId) => $"/api/conversations/{conversationId}/queue";

    private HttpRequestMessage Authorized(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Customer.Visitor.Token);
        return request;
    }

    private async Task<(AppApi Customer, string ConversationId)> QueueAnotherAsync(int priority)
    {
        var customer = await AppApi.CreateVisitorAsync(Factory.CreateClient());
        var conversationId = (await customer.StartAsync()).ConversationId;
        await Handoffs.QueueAsync(Factory.Services, conversationId, customer.Visitor.CustomerId, priority: priority);
        return (customer, conversationId);
    }

    private async Task<StreamReader> OpenStreamAsync(CancellationToken cancellationToken)
    {
        var response = await Customer.Http.SendAsync(Authorized($"/api/conversations/{Conversation}/stream"), HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The data of the next <c>queue</c> event, skipping activities and comments.</summary>
    private static async Task<JsonElement> NextQueueEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "queue")
            {
                return JsonDocument.Parse(line[6..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
