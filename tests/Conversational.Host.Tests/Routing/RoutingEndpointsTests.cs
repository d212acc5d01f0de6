using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Routing;
using Conversational.Host.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Routing;

/// <summary>The routing rules API on the in-memory host with the demo rules and customers: every answer and every error.</summary>
public sealed class RoutingEndpointsTests : IAsyncLifetime
{
    private const string Rules = "/api/routing/rules";
    private const string Explain = "/api/routing/explain";

    /// <summary>Monday 10:00 China time: inside the demo business hours.</summary>
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly ConversationalFactory _factory = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await SignInAsync("admin", "Admin#2026");

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task WithoutSignIn_401_AndATrainer_403()
    {
        var trainer = await SignInAsync("trainer", "Trainer#2026");

        using var anonymous = await _factory.CreateClient().GetAsync(new Uri(Rules, UriKind.Relative));
        using var forbidden = await trainer.PostAsJsonAsync(Explain, new { customerId = "c1003", channel = "web" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheDemoRules_AreVersionOne_InTheRulesJson()
    {
        using var response = await _admin.GetAsync(new Uri(Rules, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var current = JsonSerializer.Deserialize<RoutingRulesVersion>(body, RoutingJson.Options)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, DemoRoutingRulesSeed.Author), (current.Version, current.ChangedBy));
        Assert.Equal(RoutingJson.Serialize(DemoRoutingRules.Load()), RoutingJson.Serialize(current.Rules));
        Assert.Contains("\"reception\":\"humanFirst\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c1007", "greeting", 10, "vip-high", "vip", ReceptionMode.BotFirst)]
    [InlineData("c1006", "greeting", 10, "complained-before", "complaint", ReceptionMode.HumanFirst)]
    [InlineData("c1003", "bill_installment", 10, "card-installments", "card", ReceptionMode.BotFirst)]
    [InlineData("c1003", "return_exchange", 10, "returns", "ecommerce", ReceptionMode.BotFirst)]
    [InlineData("c1003", "greeting", 22, "outside-hours", "messages", ReceptionMode.BotOnly)]
    [InlineData("c1004", "greeting", 10, RoutingTable.DefaultRuleName, "general", ReceptionMode.BotFirst)]
    public async Task Explain_RoutesADemoCustomer_ByTheDemoRules(string customer, string intent, int hour, string rule, string group,
        ReceptionMode reception)
    {
        var explained = await ExplainAsync(customer, intent, MondayMorning.AddHours(hour - 10));

        Assert.Equal((rule, group, reception), (explained.Rule, explained.Target.SkillGroup, explained.Target.Reception));
        Assert.Equal(rule, explained.Explanation[^1].Rule);
    }

    [Fact]
    public async Task Explain_SaysWhyEarlierRulesFailed_AndReadsTheProfileAndHistory()
    {
        await _factory.Services.GetRequiredService<IConversationStore>().StartAsync("c1007", "web", "zh-CN", default);

        var explained = await ExplainAsync("c1007", "greeting", MondayMorning);

        Assert.Equal((1, "platinum", 10, "江苏", "南京", true), (explained.RulesVersion, explained.Request.Tier, explained.Request.VipLevel,
            explained.Request.Province, explained.Request.City, explained.Request.Returning));
        Assert.Equal([("outside-hours", "hours"), ("complained-before", "tagsAny"), ("vip-high", null)],
            explained.Explanation.Select(step => (step.Rule, step.Field)));
        Assert.Equal("has none of the tags [complained_before]", explained.Explanation[1].Reason);
    }

    [Fact]
    public async Task Explain_ForAnUnknownCustomer_404_AndWithoutAChannel_400()
    {
        using var unknown = await _admin.PostAsJsonAsync(Explain, new { customerId = "c9999", channel = "web" });
        using var noChannel = await _admin.PostAsJsonAsync(Explain, new { customerId = "c1003" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noChannel.StatusCode);
    }

    [Fact]
    public async Task Save_AppliesToTheNextExplain_WithoutARestart()
    {
        var demo = DemoRoutingRules.Load();
        var raised = demo with
        {
            Rules = [.. demo.Rules.Select(rule => rule.Name == "vip-high" ? rule with { When = new RoutingConditions(VipLevel: new VipRange(10, 10)) } : rule)],
        };
        var before = await ExplainAsync("c1001", "greeting", MondayMorning);

        using var saved = await _admin.PutAsync(new Uri(Rules, UriKind.Relative), Body(new RoutingRulesEdit(1, raised)));
        var after = await ExplainAsync("c1001", "greeting", MondayMorning);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("vip-high", 1), (before.Rule, before.RulesVersion));
        Assert.Equal((RoutingTable.DefaultRuleName, 2), (after.Rule, after.RulesVersion));
    }

    [Fact]
    public async Task Save_FromAStaleVersion_409_WithTheCurrentRules()
    {
        using var first = await _admin.PutAsync(new Uri(Rules, UriKind.Relative), Body(new RoutingRulesEdit(1, DemoRoutingRules.Load())));
        using var stale = await _admin.PutAsync(new Uri(Rules, UriKind.Relative), Body(new RoutingRulesEdit(1, DemoRoutingRules.Load())));
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, problem.RootElement.GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Save_AnInvalidSet_400_WithEveryProblemByPath_AndKeepsTheRules()
    {
        var demo = DemoRoutingRules.Load();
        var broken = demo with
        {
            Rules = [demo.Rules[0] with { When = new RoutingConditions(VipLevel: new VipRange(7, 11)) }, .. demo.Rules.Skip(1)],
            Default = demo.Default with { SkillGroup = "vvip" },
        };

        using var refused = await _admin.PutAsync(new Uri(Rules, UriKind.Relative), Body(new RoutingRulesEdit(1, broken)));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        var current = JsonSerializer.Deserialize<RoutingRulesVersion>(await _admin.GetStringAsync(new Uri(Rules, UriKind.Relative)), RoutingJson.Options)!;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["rules[0].when.vipLevel", "default.skillGroup"], errors);
        Assert.Equal(1, current.Version);
    }

    private async Task<RoutingExplanation> ExplainAsync(string customerId, string intent, DateTimeOffset at)
    {
        using var response = await _admin.PostAsync(new Uri(Explain, UriKind.Relative),
            Body(new { customerId, intent, channel = "web", at }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonSerializer.Deserialize<RoutingExplanation>(body, RoutingJson.Options)!;
    }

    private static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value, RoutingJson.Options), System.Text.Encoding.UTF8, "application/json");

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return client;
    }
}
