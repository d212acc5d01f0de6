using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conversational.Handoff.Packages;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversational.Host.Tests.Handoff;

/// <summary><c>GET …/handoff-package</c> for staff only, and <c>POST …/behaviour</c> for the merchant's back end.</summary>
public sealed class HandoffEndpointsTests : IAsyncLifetime
{
    private const string Key = "merchant-backend-key-for-tests";

    private readonly ConversationalFactory _factory = new(new Dictionary<string, string?> { ["AppChannel:SessionApiKeys:0"] = Key });

    private AppApi _customer = null!;
    private string _conversation = "";

    public async Task InitializeAsync()
    {
        _customer = await AppApi.CreateVisitorAsync(_factory.CreateClient());
        _conversation = (await _customer.StartAsync()).ConversationId;
    }

    public async Task DisposeAsync()
    {
        _customer.Http.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("agent1", "Agent#2026")]
    [InlineData("supervisor", "Supervisor#2026")]
    public async Task Agents_and_supervisors_get_the_package_after_the_customer_asks_for_a_person(string username, string password)
    {
        await _customer.SayAsync(_conversation, "转人工");
        using var staff = await SignInAsync(username, password);

        using var response = await staff.GetAsync(new Uri(PackagePath(_conversation), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var package = (await response.Content.ReadFromJsonAsync<HandoffPackage>(HandoffPackageJson.Options))!;
        Assert.Equal((_conversation, "customer_asked"), (package.ConversationId, package.Handoff.Reason));
        Assert.Contains(package.Transcript, m => m.Text == "转人工");
    }

    [Fact]
    public async Task A_customer_cannot_read_the_package_of_their_own_conversation()
    {
        await _customer.SayAsync(_conversation, "转人工");

        using var response = await _customer.SendAsync(HttpMethod.Get, PackagePath(_conversation));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_trainer_is_not_an_agent_and_is_refused()
    {
        await _customer.SayAsync(_conversation, "转人工");
        using var trainer = await SignInAsync("trainer", "Trainer#2026");

        using var response = await trainer.GetAsync(new Uri(PackagePath(_conversation), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_conversation_or_one_without_a_handoff_is_not_found()
    {
        using var agent = await SignInAsync("agent1", "Agent#2026");

        using var unknown = await agent.GetAsync(new Uri(PackagePath("no-such-conversation"), UriKind.Relative));
        using var noHandoff = await agent.GetAsync(new Uri(PackagePath(_conversation), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noHandoff.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Behaviour_without_the_back_end_key_is_refused(string? key)
    {
        using var response = await PostBehaviourAsync(_conversation, """{"action":"viewed_page","label":"分期页面"}""", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"action":"viewed_page"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":" ","label":"分期页面"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":""", HttpStatusCode.BadRequest)]
    public async Task Malformed_behaviour_gets_a_clear_error(string body, HttpStatusCode expected)
    {
        using var response = await PostBehaviourAsync(_conversation, body, Key);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Behaviour_for_an_unknown_conversation_is_not_found()
    {
        using var response = await PostBehaviourAsync("no-such-conversation", """{"action":"viewed_page","label":"分期页面"}""", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Behaviour_the_back_end_reports_three_times_shows_once_on_the_timeline_with_its_count()
    {
        for (var i = 0; i < 3; i++)
        {
            using var posted = await PostBehaviourAsync(_conversation, """{"action":"viewed_page","label":"分期页面"}""", Key);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        await _customer.SayAsync(_conversation, "转人工");
        using var agent = await SignInAsync("agent1", "Agent#2026");
        var package = (await agent.GetFromJsonAsync<HandoffPackage>(new Uri(PackagePath(_conversation), UriKind.Relative),
            HandoffPackageJson.Options))!;

        var viewed = Assert.Single(package.Timeline, e => e.Source == PackageSources.App);
        Assert.Equal(("分期页面", 3), (viewed.Detail, viewed.Count));
    }

    private static string PackagePath(string conversationId) => $"/api/conversations/{conversationId}/handoff-package";

    private async Task<HttpResponseMessage> PostBehaviourAsync(string conversationId, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/behaviour")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _customer.Http.SendAsync(request);
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return client;
    }
}
