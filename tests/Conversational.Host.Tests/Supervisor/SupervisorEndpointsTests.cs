using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Supervisor;
using Conversational.Host.Tests.Desk;

namespace Conversational.Host.Tests.Supervisor;

/// <summary>The supervisor's live view of queues and agents: supervisors and admins only.</summary>
public sealed class SupervisorEndpointsTests : CustomerConversationTest
{
    [Fact]
    public async Task The_overview_counts_waiting_customers_per_priority_and_shows_each_agents_state()
    {
        await Handoffs.QueueAsync(Factory.Services, Conversation, Customer.Visitor.CustomerId, "vip", priority: 80);
        using var agent = await DeskApi.SignInAsync(Factory, "agent2");
        using var away = await agent.PostAsync("/api/desk/presence", new { status = "away" });
        using var supervisor = await DeskApi.SignInAsync(Factory, "supervisor", "Supervisor#2026");

        var overview = (await supervisor.Http.GetFromJsonAsync<SupervisorOverview>(new Uri("/api/supervisor/overview", UriKind.Relative),
            ConversationJson.Options))!;

        var vip = Assert.Single(overview.Queues, q => q.SkillGroup == "vip");
        Assert.Equal((1, 1), (vip.Waiting, vip.WaitingByPriority["80"]));
        Assert.Equal("away", Assert.Single(overview.Agents, a => a.Id == "agent2").Status);
        Assert.Equal("offline", Assert.Single(overview.Agents, a => a.Id == "agent1").Status);
    }

    [Theory]
    [InlineData("agent1", "Agent#2026")]
    [InlineData("trainer", "Trainer#2026")]
    public async Task Other_staff_are_refused(string username, string password)
    {
        using var staff = await DeskApi.SignInAsync(Factory, username, password);

        using var overview = await staff.GetAsync("/api/supervisor/overview");
        using var stream = await staff.GetAsync("/api/supervisor/stream");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (overview.StatusCode, stream.StatusCode));
    }

    [Fact]
    public async Task The_stream_pushes_a_new_overview_when_a_customer_starts_waiting()
    {
        using var supervisor = await DeskApi.SignInAsync(Factory, "admin", "Admin#2026");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await supervisor.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("/api/supervisor/stream", UriKind.Relative)),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var before = await NextOverviewAsync(reader, timeout.Token);
        await Handoffs.QueueAsync(Factory.Services, Conversation, Customer.Visitor.CustomerId, "complaint");
        var after = before;
        while (Waiting(after, "complaint") == 0)
        {
            after = await NextOverviewAsync(reader, timeout.Token);
        }

        Assert.Equal(0, Waiting(before, "complaint"));
        Assert.Equal(1, Waiting(after, "complaint"));
    }

    private static int Waiting(JsonElement overview, string group) => overview.GetProperty("queues").EnumerateArray()
        .Where(q => q.GetProperty("skillGroup").GetString() == group).Select(q => q.GetProperty("waiting").GetInt32()).FirstOrDefault();

    private static async Task<JsonElement> NextOverviewAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "overview")
            {
                return JsonDocument.Parse(line[6..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
