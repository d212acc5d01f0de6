using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Knowledge;
using Conversational.Knowledge.Unanswered;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Knowledge;

/// <summary>The unanswered-questions API on the in-memory host with the demo data: clusters, the three resolutions, every error.</summary>
public sealed class UnansweredEndpointsTests : IAsyncLifetime
{
    private const string Unanswered = "/api/knowledge/unanswered";

    private readonly string _modelDirectory = Directory.CreateTempSubdirectory("unanswered-model.").FullName;
    private readonly ConversationalFactory _factory;
    private HttpClient _trainer = null!;

    // Its own model file: adding intent examples retrains, and other tests' hosts must not load that model.
    public UnansweredEndpointsTests() => _factory = new(new Dictionary<string, string?>
    {
        ["Storage:SeedDemoData"] = "true",
        ["Understanding:ModelPath"] = Path.Combine(_modelDirectory, "intent-model.cvif"),
    });

    public async Task InitializeAsync()
    {
        _trainer = await SignInAsync("trainer", "Trainer#2026");
        var store = _factory.Services.GetRequiredService<SqlUnansweredStore>();
        var now = DateTimeOffset.UtcNow;
        string[] chinese = ["可以开发票吗", "可以货到付款吗", "能开发票吗？", "怎么开发票", "能不能货到付款"];
        string[] english = ["Can I get an invoice?", "how do i get an invoice"];
        foreach (var (text, index) in chinese.Select((text, index) => (text, index)))
        {
            await store.RecordAsync(Question("zh-" + index, text, "zh-CN", now.AddMinutes(index - 60)), default);
        }

        foreach (var (text, index) in english.Select((text, index) => (text, index)))
        {
            await store.RecordAsync(Question("en-" + index, text, "en", now.AddDays(-10).AddMinutes(index)), default);
        }
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_modelDirectory, recursive: true);
    }

    [Fact]
    public async Task WithoutSignIn_401_AndAnAgent_403()
    {
        var agent = await SignInAsync("agent1", "Agent#2026");

        using var anonymous = await _factory.CreateClient().GetAsync(new Uri(Unanswered, UriKind.Relative));
        using var forbidden = await agent.GetAsync(new Uri(Unanswered, UriKind.Relative));
        using var dismiss = await agent.PostAsync(new Uri(Unanswered + "/1/dismiss", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dismiss.StatusCode);
    }

    [Fact]
    public async Task Clusters_AreListedLargestFirst_ByLanguageAndDays_WithTheModelsIntents()
    {
        var all = await ListAsync("");
        var english = await ListAsync("?language=en");
        var lastWeek = await ListAsync("?days=7");

        Assert.Equal([3, 2, 2], all.Clusters.Select(cluster => cluster.Count));
        var invoices = all.Clusters[0];
        Assert.Equal("zh-CN", invoices.Language);
        Assert.Equal(["可以开发票吗", "能开发票吗？", "怎么开发票"], invoices.Questions);
        Assert.Contains(invoices.SuggestedTitle, invoices.Questions);
        Assert.Equal(["Can I get an invoice?", "how do i get an invoice"], Assert.Single(english.Clusters).Questions);
        Assert.All(lastWeek.Clusters, cluster => Assert.Equal("zh-CN", cluster.Language));
        Assert.Contains("faq_shipping", all.Intents);
        Assert.Contains("out_of_scope", all.Intents);
    }

    [Theory]
    [InlineData("?language=fr")]
    [InlineData("?days=0")]
    [InlineData("?days=91")]
    public async Task ABadLanguageOrDays_400(string query)
    {
        using var response = await _trainer.GetAsync(new Uri(Unanswered + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AFaqEntry_IsMadeFromTheCluster_ClosesIt_AndTheBotAnswersWithIt()
    {
        var invoices = (await ListAsync("?language=zh-CN")).Clusters[0];

        using var created = await _trainer.PostAsJsonAsync($"{Unanswered}/{invoices.Id}/faq",
            new { id = "invoice.zh", answer = "订单完成后在“我的订单”里申请电子发票。", owner = "财务组", tags = new[] { "invoices" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var resolution = (await created.Content.ReadFromJsonAsync<UnansweredResolution>(ConversationJson.Options))!;
        Assert.Equal(3, resolution.Resolved);
        Assert.Equal((invoices.SuggestedTitle, "zh-CN", "trainer"), (resolution.Entry!.Content.Title, resolution.Entry.Content.Language, resolution.Entry.ChangedBy));
        Assert.Equal(invoices.Questions, resolution.Entry.Content.Questions);
        Assert.DoesNotContain((await ListAsync("")).Clusters, cluster => cluster.Id == invoices.Id);
        Assert.Contains("我的订单", await EventuallyAnsweredAsync("可以开发票吗"));
    }

    [Fact]
    public async Task AFaqWithoutAnAnswer_400ByField_AndTheClusterStaysOpen()
    {
        var invoices = (await ListAsync("?language=zh-CN")).Clusters[0];

        using var refused = await _trainer.PostAsJsonAsync($"{Unanswered}/{invoices.Id}/faq", new { id = "invoice.zh", owner = "财务组" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"answer\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains((await ListAsync("")).Clusters, cluster => cluster.Id == invoices.Id);
    }

    [Fact]
    public async Task IntentExamples_AreAddedForAKnownIntent_TheModelRetrains_AndTheClusterCloses()
    {
        var cashOnDelivery = (await ListAsync("?language=zh-CN")).Clusters[1];

        using var unknown = await _trainer.PostAsJsonAsync($"{Unanswered}/{cashOnDelivery.Id}/intent-example", new { intent = "no_such_intent" });
        using var added = await _trainer.PostAsJsonAsync($"{Unanswered}/{cashOnDelivery.Id}/intent-example", new { intent = "faq_shipping" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var resolution = (await added.Content.ReadFromJsonAsync<UnansweredResolution>(ConversationJson.Options))!;
        Assert.Equal((2, 2), (resolution.Resolved, resolution.ExamplesAdded));
        var examples = await _factory.Services.GetRequiredService<TrainerIntentExamples>().ListAsync(default);
        Assert.Equal(["可以货到付款吗", "能不能货到付款"], examples.Where(example => example.Label == "faq_shipping").Select(example => example.Text));
        Assert.NotNull(resolution.ModelVersion);
        Assert.DoesNotContain((await ListAsync("")).Clusters, cluster => cluster.Id == cashOnDelivery.Id);
    }

    [Fact]
    public async Task Dismiss_ClosesTheCluster_AndAClosedOrUnknownCluster_404()
    {
        var english = Assert.Single((await ListAsync("?language=en")).Clusters);

        using var dismissed = await _trainer.PostAsync(new Uri($"{Unanswered}/{english.Id}/dismiss", UriKind.Relative), null);
        using var again = await _trainer.PostAsync(new Uri($"{Unanswered}/{english.Id}/dismiss", UriKind.Relative), null);
        using var faq = await _trainer.PostAsJsonAsync($"{Unanswered}/999999/faq", new { id = "x", answer = "y", owner = "z" });

        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, faq.StatusCode);
        Assert.Empty((await ListAsync("?language=en")).Clusters);
    }

    private static UnansweredQuestion Question(string activity, string text, string language, DateTimeOffset at) =>
        new(0, "conversation", activity, text, language, "app", "out_of_scope", 0.3, 0.2f, UnansweredReason.OutOfScope, at);

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return client;
    }

    private async Task<UnansweredClusterList> ListAsync(string query) =>
        (await _trainer.GetFromJsonAsync<UnansweredClusterList>(Unanswered + query, ConversationJson.Options))!;

    // A customer asks; the index follows the new entry in the background, so ask again (bounded) until the bot answers.
    private async Task<string> EventuallyAnsweredAsync(string question)
    {
        var customer = await AppApi.CreateVisitorAsync(_factory.CreateClient());
        var conversation = (await customer.StartAsync()).ConversationId;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var replies = (await customer.SayAsync(conversation, question)).Activities.Skip(1).Select(activity => activity.Text ?? "").ToList();
            if (replies.Any(reply => reply.Contains("invoice.zh", StringComparison.Ordinal)) || deadline.IsCancellationRequested)
            {
                return string.Join("\n", replies);
            }

            await Task.Delay(100);
        }
    }
}
