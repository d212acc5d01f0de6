using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Copilot;
using Conversational.Host.Copilot;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversational.Host.Tests.Copilot;

/// <summary>The copilot catalogue API on the in-memory host with the demo data: roles, round trips and every error.</summary>
public sealed class CopilotCatalogEndpointsTests : IAsyncLifetime
{
    private const string Catalog = "/api/copilot/catalog";

    private readonly ConversationalFactory _factory = new();
    private HttpClient _trainer = null!;

    public async Task InitializeAsync() => _trainer = await SignInAsync("trainer", "Trainer#2026");

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A valid new reply script, under an id the demo catalogue does not use.</summary>
    private static JsonObject Script(string text = "{customer_name}您好，礼品包装在结算页勾选即可，免费。") => new()
    {
        ["business"] = CopilotBusinesses.Pricing,
        ["language"] = "zh-CN",
        ["title"] = "礼品包装",
        ["text"] = text,
        ["intents"] = new JsonArray("shipping_fee"),
        ["keywords"] = new JsonArray("礼品", "包装"),
    };

    [Fact]
    public async Task WithoutSignIn_401_EveryStaffRoleReads_OnlyTrainersAndAdminsWrite()
    {
        var agent = await SignInAsync("agent1", "Agent#2026");
        var supervisor = await SignInAsync("supervisor", "Supervisor#2026");
        var admin = await SignInAsync("admin", "Admin#2026");
        var version = (await ReadAsync(_trainer)).Version;

        using var anonymous = await _factory.CreateClient().GetAsync(new Uri(Catalog, UriKind.Relative));
        using var agentReads = await agent.GetAsync(new Uri(Catalog, UriKind.Relative));
        using var supervisorReads = await supervisor.GetAsync(new Uri(Catalog, UriKind.Relative));
        using var agentWrites = await PutAsync(agent, "scripts", "script.gift-wrap.zh", version, Script());
        using var supervisorDeletes = await supervisor.DeleteAsync(new Uri($"{Catalog}/scripts/script.gift-wrap.zh?expectedVersion={version}", UriKind.Relative));
        using var agentHistory = await agent.GetAsync(new Uri($"{Catalog}/history", UriKind.Relative));
        using var adminWrites = await PutAsync(admin, "scripts", "script.gift-wrap.zh", version, Script());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (agentReads.StatusCode, supervisorReads.StatusCode));
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [agentWrites.StatusCode, supervisorDeletes.StatusCode, agentHistory.StatusCode]);
        Assert.Equal(HttpStatusCode.OK, adminWrites.StatusCode);
    }

    [Fact]
    public async Task TheDemoCatalogue_HasScriptsDisclosuresAndOffers_InBothLanguages()
    {
        var catalog = await ReadAsync(_trainer);

        Assert.True(catalog.Version >= 1);
        Assert.All(new[] { "zh-CN", "en" }, language =>
        {
            Assert.Contains(catalog.Scripts, script => script.Language == language);
            Assert.Contains(catalog.Disclosures, disclosure => disclosure.Language == language);
            Assert.Contains(catalog.Offers, offer => offer.Language == language);
        });
    }

    [Fact]
    public async Task A_script_is_created_retired_and_deleted_each_as_a_new_version_in_the_history()
    {
        var before = await ReadAsync(_trainer);

        var created = await SavedAsync(await PutAsync(_trainer, "scripts", "script.gift-wrap.zh", before.Version, Script()));
        var retired = await SavedAsync(await PutAsync(_trainer, "scripts", "script.gift-wrap.zh", created.Version,
            Script().Also(item => item["retired"] = true)));
        using var deleted = await _trainer.DeleteAsync(new Uri($"{Catalog}/scripts/script.gift-wrap.zh?expectedVersion={retired.Version}", UriKind.Relative));
        var after = await SavedAsync(deleted);
        var history = (await _trainer.GetFromJsonAsync<List<CopilotCatalogHistoryItem>>(new Uri($"{Catalog}/history?limit=3", UriKind.Relative),
            ConversationJson.Options))!;

        var script = Assert.Single(created.Scripts, script => script.Id == "script.gift-wrap.zh");
        Assert.Equal(("trainer", before.Version + 1), (created.ChangedBy, created.Version));
        Assert.Equal((CopilotBusinesses.Pricing, "zh-CN", "礼品包装", false), (script.Business, script.Language, script.Title, script.Retired));
        Assert.Equal(["礼品", "包装"], script.Keywords);
        Assert.True(retired.Scripts.Single(item => item.Id == script.Id).Retired);
        Assert.DoesNotContain(after.Scripts, item => item.Id == script.Id);
        Assert.Equal(before.Scripts.Count, after.Scripts.Count);
        Assert.Equal([after.Version, retired.Version, created.Version], history.Select(version => version.Version));
        Assert.Equal([before.Scripts.Count, before.Scripts.Count + 1, before.Scripts.Count + 1], history.Select(version => version.Counts.Scripts));
        Assert.Equal(after.Version, (await ReadAsync(_trainer)).Version);
    }

    [Fact]
    public async Task A_disclosure_and_an_offer_round_trip_with_their_concepts_and_rules()
    {
        var version = (await ReadAsync(_trainer)).Version;
        var disclosure = new JsonObject
        {
            ["business"] = CopilotBusinesses.Returns, ["language"] = "zh-CN", ["title"] = "定制商品不退",
            ["wording"] = "定制商品一经制作不支持无理由退货。", ["concepts"] = new JsonArray(new JsonArray("定制"), new JsonArray("不支持", "不能", "不可")),
            ["mandatory"] = false,
        };
        var offer = new JsonObject
        {
            ["name"] = "账单提醒", ["category"] = "bill_reminder", ["language"] = "zh-CN", ["priority"] = 3,
            ["rules"] = new JsonObject
            {
                ["tiers"] = new JsonArray("gold"), ["minVipLevel"] = 2, ["layers"] = new JsonArray(CustomerLayers.Growth),
                ["requiredTags"] = new JsonArray("card_holder"), ["excludedTags"] = new JsonArray("opted_out_marketing"),
                ["scenarios"] = new JsonArray(CopilotBusinesses.Card), ["maxPitchesPer30Days"] = 2, ["maxPitchesPerConversation"] = 1,
            },
            ["scripts"] = new JsonArray(new JsonObject { ["id"] = "s1", ["text"] = "可以为您开通免费的账单提醒，到期前短信通知您。" }),
            ["pitchConcepts"] = new JsonArray(new JsonArray("账单提醒", "还款提醒"), new JsonArray("免费")),
        };

        var afterDisclosure = await SavedAsync(await PutAsync(_trainer, "disclosures", "disclosure.custom-goods.zh", version, disclosure));
        var afterOffer = await SavedAsync(await PutAsync(_trainer, "offers", "offer.bill-reminder-test.zh", afterDisclosure.Version, offer));

        var savedDisclosure = afterOffer.Disclosures.Single(item => item.Id == "disclosure.custom-goods.zh");
        var savedOffer = afterOffer.Offers.Single(item => item.Id == "offer.bill-reminder-test.zh");
        Assert.Equal([["定制"], ["不支持", "不能", "不可"]], savedDisclosure.Concepts);
        Assert.False(savedDisclosure.Mandatory);
        Assert.Equal(["gold"], savedOffer.Rules.Tiers);
        Assert.Equal((2, 2, 1), (savedOffer.Rules.MinVipLevel, savedOffer.Rules.MaxPitchesPer30Days, savedOffer.Rules.MaxPitchesPerConversation));
        Assert.Equal(["card_holder"], savedOffer.Rules.RequiredTags);
        Assert.Equal([new OfferScript("s1", "可以为您开通免费的账单提醒，到期前短信通知您。")], savedOffer.Scripts);
        Assert.Equal(3, savedOffer.Priority);
    }

    [Fact]
    public async Task An_invalid_item_is_400_with_its_errors_by_path_and_its_own_path_and_nothing_is_saved()
    {
        var before = await ReadAsync(_trainer);

        using var refused = await PutAsync(_trainer, "scripts", "script.gift-wrap.zh", before.Version,
            Script("{customer_name}您好，您的{coupon_code}已到账。").Also(item => item["title"] = ""));
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsObject().Select(error => error.Key).ToList();

        var path = $"scripts[{before.Scripts.Count}]";
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(path, (string?)problem["itemPath"]);
        Assert.Contains($"{path}.text", errors);
        Assert.Contains($"{path}.title", errors);
        Assert.Contains("coupon_code", problem["errors"]![$"{path}.text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await ReadAsync(_trainer)).Version);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_409_with_who_saved_first_and_the_current_version()
    {
        var version = (await ReadAsync(_trainer)).Version;
        var admin = await SignInAsync("admin", "Admin#2026");

        using var first = await PutAsync(admin, "scripts", "script.gift-wrap.zh", version, Script());
        using var stale = await PutAsync(_trainer, "scripts", "script.other.zh", version, Script());
        using var staleDelete = await _trainer.DeleteAsync(new Uri($"{Catalog}/scripts/script.gift-wrap.zh?expectedVersion={version}", UriKind.Relative));
        var current = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!["current"]!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (stale.StatusCode, staleDelete.StatusCode));
        Assert.Equal((version + 1, "admin"), (current["version"]!.GetValue<long>(), current["changedBy"]!.GetValue<string>()));
        Assert.DoesNotContain((await ReadAsync(_trainer)).Scripts, script => script.Id == "script.other.zh");
    }

    [Theory]
    [InlineData("DELETE", "/api/copilot/catalog/scripts/no-such-script?expectedVersion=1", null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/copilot/catalog/scripts/script.x?expectedVersion=", null, HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "/api/copilot/catalog/scripts/script.x?expectedVersion=v2", null, HttpStatusCode.BadRequest)]
    [InlineData("PUT", "/api/copilot/catalog/recipes/x", """{"expectedVersion":1,"item":{}}""", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/api/copilot/catalog/scripts/x", """{"expectedVersion":1,"item":""", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "/api/copilot/catalog/scripts/x", """{"item":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "/api/copilot/catalog/scripts/x", """{"expectedVersion":1,"item":{"id":"y"}}""", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "/api/copilot/catalog/scripts/x", """{"expectedVersion":1,"item":{"intents":"greeting"}}""", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/copilot/catalog/history?limit=0", null, HttpStatusCode.BadRequest)]
    public async Task Requests_that_cannot_be_served_get_problem_details(string method, string path, string? body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _trainer.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_one_that_is_not_json_415()
    {
        var version = (await ReadAsync(_trainer)).Version;

        using var large = await PutAsync(_trainer, "scripts", "script.large.zh", version, Script(new string('很', 30_000)));
        using var text = await _trainer.PutAsync(new Uri($"{Catalog}/scripts/script.text.zh", UriKind.Relative), new StringContent("hello"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string kind, string id, long expectedVersion, JsonObject item) =>
        await client.PutAsJsonAsync(new Uri($"{Catalog}/{kind}/{id}", UriKind.Relative), new JsonObject
        {
            ["expectedVersion"] = expectedVersion,
            ["item"] = item,
        });

    private static async Task<CopilotCatalogView> SavedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            return JsonSerializer.Deserialize<CopilotCatalogView>(body, ConversationJson.Options)!;
        }
    }

    private static async Task<CopilotCatalogView> ReadAsync(HttpClient client) =>
        await SavedAsync(await client.GetAsync(new Uri(Catalog, UriKind.Relative)));

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return client;
    }
}

internal static class JsonObjectExtensions
{
    /// <summary>The object after a change, for a variation of a valid item written inline.</summary>
    public static JsonObject Also(this JsonObject item, Action<JsonObject> change)
    {
        change(item);
        return item;
    }
}
