using System.Net;
using System.Text.Json;

namespace Conversational.Host.Tests.Hosting;

public sealed class ServiceEndpointsTests : IAsyncLifetime
{
    private readonly ConversationalFactory _factory = new(new Dictionary<string, string?>
    {
        ["AppChannel:MessagesPerMinutePerCustomer"] = "3",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_AreHealthyOnAFreshStart(string path)
    {
        var body = await _factory.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAppApi()
    {
        using var document = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/visitors", paths);
        Assert.Contains("/api/conversations/{conversationId}/messages", paths);
        Assert.Contains("/api/staff/login", paths);
    }

    [Fact]
    public async Task ACustomerSendingTooFast_Gets429_AndOtherCustomersAreUnaffected()
    {
        var hasty = await AppApi.CreateVisitorAsync(_factory.CreateClient());
        var other = await AppApi.CreateVisitorAsync(_factory.CreateClient());
        var conversation = (await hasty.StartAsync()).ConversationId;
        var otherConversation = (await other.StartAsync()).ConversationId;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await hasty.SendAsync(HttpMethod.Post, $"/api/conversations/{conversation}/messages", """{"text":"你好"}""");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(await other.SayAsync(otherConversation, "你好"));
    }

    [Fact]
    public async Task WidgetPage_IsServedAtTheRoot()
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
