using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.App;

namespace Conversational.Host.Tests.Channels.App;

/// <summary>
/// <c>POST /api/customer-sessions</c>: the merchant's back end signs in a customer it logged in, and the bot then serves
/// that customer as verified.
/// </summary>
public sealed class CustomerSessionsTests : IAsyncLifetime
{
    private const string Key = "merchant-backend-key-for-tests";

    private readonly ConversationalFactory _factory = new(new Dictionary<string, string?>
    {
        ["AppChannel:SessionApiKeys:0"] = Key,
        ["Storage:SeedDemoData"] = "true",
    });

    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("merchant-backend-key-for-test")]
    public async Task Without_the_right_key_nobody_is_signed_in(string? key)
    {
        using var response = await PostAsync("""{"customerId":"c1003"}""", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"customerId":"c9999"}""", HttpStatusCode.NotFound)]
    [InlineData("""{"customerId":""}""", HttpStatusCode.BadRequest)]
    [InlineData("""{}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"customerId":""", HttpStatusCode.BadRequest)]
    public async Task A_bad_or_unknown_customer_gets_a_clear_error(string body, HttpStatusCode expected)
    {
        using var response = await PostAsync(body, Key);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_visitor_cannot_be_signed_in_as_a_customer()
    {
        var visitor = await AppApi.CreateVisitorAsync(_http);

        using var response = await PostAsync($$"""{"customerId":"{{visitor.Visitor.CustomerId}}"}""", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_customer_goes_straight_to_their_statement_without_a_one_time_code()
    {
        using var response = await PostAsync("""{"customerId":"c1003"}""", Key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<CustomerSession>(ConversationJson.Options))!;
        Assert.Equal("c1003", session.CustomerId);

        var customer = new AppApi(_http, session);
        var conversation = (await customer.StartAsync()).ConversationId;
        var turn = await customer.SayAsync(conversation, "账单分期");

        var reply = string.Join("\n", turn.Activities.Skip(1).Select(a => a.Text));
        Assert.Contains("尾号6688", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("验证码", reply, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customer-sessions")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _http.SendAsync(request);
    }
}
