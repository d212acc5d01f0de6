using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Knowledge;
using Conversational.Knowledge.Articles;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversational.Host.Tests.Knowledge;

/// <summary>The trainer console's API on the in-memory host with the demo data: every answer and every error.</summary>
public sealed class KnowledgeEndpointsTests : IAsyncLifetime
{
    private const string Entries = "/api/knowledge/entries";

    private static readonly object NewEntry = new
    {
        id = "api-gift-wrap",
        title = "可以包装成礼物吗",
        questions = new[] { "能礼品包装吗", "送人可以包装吗" },
        answer = "下单时勾选**礼品包装**即可。",
        language = "zh-CN",
        tags = new[] { "shipping" },
        owner = "物流组",
    };

    private readonly ConversationalFactory _factory = new();
    private HttpClient _trainer = null!;

    public async Task InitializeAsync() => _trainer = await SignInAsync("trainer", "Trainer#2026");

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task WithoutSignIn_401_AndAnAgent_403()
    {
        var agent = await SignInAsync("agent1", "Agent#2026");

        using var anonymous = await _factory.CreateClient().GetAsync(new Uri(Entries, UriKind.Relative));
        using var forbidden = await agent.GetAsync(new Uri(Entries, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheDemoKnowledge_IsListed_AndFilteredByNormalizedText()
    {
        var all = await ListAsync("");
        var traditional = await ListAsync("?q=" + Uri.EscapeDataString("帳單分期 手續費"));
        var english = await ListAsync("?q=EARLY%20PAYOFF&language=en");

        Assert.Equal(DemoKnowledge.Load().Count, all.Entries.Count);
        Assert.Contains("returns", all.Tags);
        Assert.NotEmpty(traditional.Entries);
        Assert.All(traditional.Entries, entry => Assert.Equal("zh-CN", entry.Content.Language));
        Assert.Contains(traditional.Entries, entry => entry.Id == "installment-periods-and-fees.zh");
        Assert.Contains(english.Entries, entry => entry.Id == "early-payoff-fee.en");
        Assert.All(english.Entries, entry => Assert.Equal("en", entry.Content.Language));
    }

    [Fact]
    public async Task Search_RanksTheEntryWithItsScores_AndANewEntryIsFoundWithoutARestart()
    {
        using var shipping = await _trainer.PostAsJsonAsync("/api/knowledge/search", new { question = "运费多少", language = "zh-CN", channel = "app" });
        var found = await ReadAsync<KnowledgeTestResult>(shipping);

        var best = found.Hits[0];
        Assert.Equal(("shipping-fee.zh", "运费怎么收", 1, 1), (best.EntryId, best.Title, best.LexicalRank, best.DenseRank));
        Assert.True(best.Lexical > 0 && best.Dense > 0 && best.Fused > 0, $"scores {best.Lexical} {best.Dense} {best.Fused}");
        Assert.True(found.WouldAnswer && found.Confidence >= found.Floor);

        (await _trainer.PostAsJsonAsync(Entries, NewEntry)).Dispose();
        Assert.Equal("api-gift-wrap", await EventuallyFirstAsync("送人可以包装吗", "api-gift-wrap"));
    }

    [Fact]
    public async Task Search_WithoutAQuestion_400_AndForAnAgent_403()
    {
        var agent = await SignInAsync("agent1", "Agent#2026");

        using var empty = await _trainer.PostAsJsonAsync("/api/knowledge/search", new { language = "en" });
        using var forbidden = await agent.PostAsJsonAsync("/api/knowledge/search", new { question = "shipping" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (empty.StatusCode, forbidden.StatusCode));
    }

    [Fact]
    public async Task CreateEditRetire_EachMakesAVersion_WithTheTrainerAsAuthor()
    {
        using var created = await _trainer.PostAsJsonAsync(Entries, NewEntry);
        var entry = await ReadAsync<KnowledgeEntry>(created);
        using var edited = await _trainer.PutAsJsonAsync($"{Entries}/api-gift-wrap",
            new { expectedVersion = 1, content = KnowledgeContentDocument.From(entry.Content with { Answer = "结算页勾选礼品包装，免费。" }) });
        using var retired = await _trainer.PostAsJsonAsync($"{Entries}/api-gift-wrap/retire", new { expectedVersion = 2 });
        var history = (await _trainer.GetFromJsonAsync<IReadOnlyList<KnowledgeVersion>>($"{Entries}/api-gift-wrap/versions", ConversationJson.Options))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/knowledge/entries/api-gift-wrap", created.Headers.Location!.OriginalString);
        Assert.Equal((1, KnowledgeStatus.Active, "trainer"), (entry.Version, entry.Status, entry.ChangedBy));
        Assert.Equal(2, (await ReadAsync<KnowledgeEntry>(edited)).Version);
        Assert.Equal(KnowledgeStatus.Retired, (await ReadAsync<KnowledgeEntry>(retired)).Status);
        Assert.Equal([KnowledgeChangeKind.Retired, KnowledgeChangeKind.Edited, KnowledgeChangeKind.Created], history.Select(version => version.Kind));
        Assert.Equal(["answer"], history[1].ChangedFields);
        Assert.All(history, version => Assert.Equal("trainer", version.Entry.ChangedBy));
    }

    [Fact]
    public async Task AnEditFromAStaleVersion_Is409_WithTheCurrentEntry()
    {
        await _trainer.PostAsJsonAsync(Entries, NewEntry);
        var changed = new { expectedVersion = 1, content = new { title = "别人先改了", questions = new[] { "q" }, answer = "a", language = "zh-CN", owner = "o" } };
        using var first = await _trainer.PutAsJsonAsync($"{Entries}/api-gift-wrap", changed);
        using var stale = await _trainer.PutAsJsonAsync($"{Entries}/api-gift-wrap", changed);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(2, problem.RootElement.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Contains("version 2, not 1", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidContent_Is400_WithTheProblemsByField()
    {
        using var invalid = await _trainer.PostAsJsonAsync(Entries, new { id = "Bad Id", title = "", language = "fr", owner = "o", answer = "a" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["id", "language", "questions", "title"], fields);
    }

    [Fact]
    public async Task BadRequests_Are400_UnknownIds404_ATakenId409()
    {
        await _trainer.PostAsJsonAsync(Entries, NewEntry);

        using var taken = await _trainer.PostAsJsonAsync(Entries, NewEntry);
        using var noVersion = await _trainer.PutAsJsonAsync($"{Entries}/api-gift-wrap", new { content = NewEntry });
        using var otherId = await _trainer.PutAsJsonAsync($"{Entries}/other-id", new { expectedVersion = 1, content = NewEntry });
        using var badStatus = await _trainer.GetAsync(new Uri($"{Entries}?status=deleted", UriKind.Relative));
        using var notJson = await _trainer.PostAsync(new Uri(Entries, UriKind.Relative), new StringContent("{"));
        using var unknown = await _trainer.GetAsync(new Uri($"{Entries}/no-such-entry", UriKind.Relative));
        using var unknownRetire = await _trainer.PostAsJsonAsync($"{Entries}/no-such-entry/retire", new { expectedVersion = 1 });
        using var unknownHistory = await _trainer.GetAsync(new Uri($"{Entries}/no-such-entry/versions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRetire.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownHistory.StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return client;
    }

    private async Task<KnowledgeEntryList> ListAsync(string query) =>
        (await _trainer.GetFromJsonAsync<KnowledgeEntryList>(Entries + query, ConversationJson.Options))!;

    // The index follows the knowledge base in the background: wait (bounded) for the search to see the change.
    private async Task<string?> EventuallyFirstAsync(string question, string expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            using var response = await _trainer.PostAsJsonAsync("/api/knowledge/search", new { question, language = "zh-CN" });
            var first = (await ReadAsync<KnowledgeTestResult>(response)).Hits.FirstOrDefault()?.EntryId;
            if (first == expected || deadline.IsCancellationRequested)
            {
                return first;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(ConversationJson.Options))!;
    }
}
