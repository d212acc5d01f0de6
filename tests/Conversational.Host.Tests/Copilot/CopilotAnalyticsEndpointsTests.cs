using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Copilot;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Copilot;

/// <summary>The opening-rate API on the in-memory host, over pitches recorded the way the desk records them.</summary>
public sealed class CopilotAnalyticsEndpointsTests : IAsyncLifetime
{
    private const string Analytics = "/api/copilot/analytics";

    private readonly ConversationalFactory _factory = new();
    private HttpClient _supervisor = null!;

    public async Task InitializeAsync() => _supervisor = await SignInAsync("supervisor", "Supervisor#2026");

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Only_supervisors_and_admins_read_the_opening_rate()
    {
        var trainer = await SignInAsync("trainer", "Trainer#2026");
        var agent = await SignInAsync("agent1", "Agent#2026");
        var admin = await SignInAsync("admin", "Admin#2026");

        using var anonymous = await _factory.CreateClient().GetAsync(new Uri(Analytics, UriKind.Relative));
        using var byTrainer = await trainer.GetAsync(new Uri(Analytics, UriKind.Relative));
        using var byAgent = await agent.GetAsync(new Uri(Analytics, UriKind.Relative));
        using var byAdmin = await admin.GetAsync(new Uri(Analytics, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byTrainer.StatusCode, byAgent.StatusCode));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    [Fact]
    public async Task Recorded_pitches_give_the_opening_rate_and_conversion_per_agent_offer_and_script()
    {
        var log = _factory.Services.GetRequiredService<OfferLog>();
        var now = DateTimeOffset.UtcNow;
        // agent1: the discount was eligible in three chats, pitched in two (one accepted, one declined); insurance in one, not pitched.
        await log.RecordEligibleAsync("conv-1", "c1005", "agent1", ["offer.discount", "offer.insurance"], default);
        await log.RecordEligibleAsync("conv-2", "c1003", "agent1", ["offer.discount"], default);
        await log.RecordEligibleAsync("conv-3", "c1001", "agent1", ["offer.discount"], default);
        await log.RecordPitchAsync(new OfferPitch("conv-1", "offer.discount", "c1005", "agent1", "discount.s1", now, OfferResponse.Accepted), default);
        await log.RecordPitchAsync(new OfferPitch("conv-2", "offer.discount", "c1003", "agent1", "discount.s2", now, OfferResponse.Declined), default);
        // agent2 pitched the discount in a chat where the desk had not recorded it as eligible; the customer has not answered.
        await log.RecordPitchAsync(new OfferPitch("conv-4", "offer.discount", "c1002", "agent2", "discount.s1", now, OfferResponse.NoAnswer), default);

        var stats = await StatsAsync(Analytics);

        Assert.Equal([new OpeningRate("agent1", 4, 2, 1, 1), new OpeningRate("agent2", 1, 1, 0, 0)], stats.ByAgent);
        Assert.Equal([new OpeningRate("offer.discount", 4, 3, 1, 1), new OpeningRate("offer.insurance", 1, 0, 0, 0)], stats.ByOffer);
        Assert.Equal([new OpeningRate("discount.s1", 2, 2, 1, 0), new OpeningRate("discount.s2", 1, 1, 0, 1)], stats.ByScript);
        Assert.Equal((0.5, 0.5), (stats.ByAgent[0].Rate, stats.ByAgent[0].Conversion));
        Assert.Empty((await StatsAsync($"{Analytics}?from={Uri.EscapeDataString(now.AddDays(-60).ToString("O"))}&to={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}")).ByAgent);
    }

    [Theory]
    [InlineData("?from=yesterday")]
    [InlineData("?to=2026-13-01")]
    [InlineData("?from=2026-11-02&to=2026-11-01")]
    [InlineData("?from=2026-11-01&to=2026-11-01")]
    [InlineData("?from=2024-01-01&to=2026-01-01")]
    public async Task A_period_that_is_not_one_is_400(string query)
    {
        using var response = await _supervisor.GetAsync(new Uri(Analytics + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<OpeningStats> StatsAsync(string path)
    {
        using var response = await _supervisor.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonSerializer.Deserialize<OpeningStats>(body, ConversationJson.Options)!;
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return client;
    }
}
