using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversational.Skills.Outbox;
using Conversational.Skills.Returns;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Webhooks;

/// <summary>The host with a known webhook secret, shared by the tests of one class; each test makes its own ticket.</summary>
public sealed class WarehouseWebhookFixture : IAsyncLifetime
{
    public const string Secret = "test-secret-for-the-warehouse-webhook";

    public ConversationalFactory Factory { get; } = new(new Dictionary<string, string?>
    {
        ["Returns:WebhookSecret"] = Secret,
        ["Returns:MaxWebhookBodyBytes"] = "1024",
    });

    public HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Http = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Every answer of the warehouse webhook, with requests signed by an HMAC computed here, not by the code under test.</summary>
public sealed class WarehouseWebhookTests(WarehouseWebhookFixture host) : IClassFixture<WarehouseWebhookFixture>
{
    private const string Route = "/api/webhooks/warehouse/returns/status";

    private RmaStore Rmas => host.Factory.Services.GetRequiredService<RmaStore>();

    [Fact]
    public async Task ASignedChange_MovesTheTicketAndStoresItsEvent()
    {
        var rma = await NewTicketAsync();
        var at = DateTimeOffset.FromUnixTimeSeconds(Now() - 60).ToOffset(TimeSpan.FromHours(8));

        var response = await SendAsync(Notice(rma.RmaId, "Approved", at, "符合七天无理由退货"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((rma.RmaId, "Requested", "Approved", false),
            (accepted.GetProperty("rmaId").GetString(), accepted.GetProperty("from").GetString(), accepted.GetProperty("to").GetString(),
                accepted.GetProperty("replayed").GetBoolean()));
        var moved = await Rmas.FindAsync(rma.RmaId, default);
        Assert.Equal(new RmaTimelineEntry(RmaStatus.Approved, at, "符合七天无理由退货"), moved?.Timeline[^1]);
        Assert.Contains(await EventsAsync(), e => e.Kind == nameof(RmaStatusChanged)
            && e.Payload.GetProperty("rmaId").GetString() == rma.RmaId && e.Payload.GetProperty("to").GetString() == "Approved");
    }

    [Fact]
    public async Task ARepeatedDelivery_Is200WithTheSameOutcomeAndChangesNothing()
    {
        var rma = await NewTicketAsync();
        var body = Notice(rma.RmaId, "Approved");
        var timestamp = Now();

        var first = await SendAsync(body, deliveryId: "delivery-repeat", timestamp: timestamp);
        var events = (await EventsAsync()).Count;
        var repeated = await SendAsync(body, deliveryId: "delivery-repeat", timestamp: timestamp);

        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var (once, again) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await repeated.Content.ReadFromJsonAsync<JsonElement>());
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(once.GetProperty("at").GetDateTimeOffset(), again.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(once.GetProperty("to").GetString(), again.GetProperty("to").GetString());
        Assert.Equal(2, (await Rmas.FindAsync(rma.RmaId, default))?.Timeline.Count);
        Assert.Equal(events, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task ADeliveryIdReusedForAnotherBody_Is409AndChangesNothing()
    {
        var rma = await NewTicketAsync();
        await SendAsync(Notice(rma.RmaId, "Approved"), deliveryId: "delivery-reused");

        var response = await SendAsync(Notice(rma.RmaId, "CustomerShipped"), deliveryId: "delivery-reused");

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "already used");
        Assert.Equal(RmaStatus.Approved, (await Rmas.FindAsync(rma.RmaId, default))?.Status);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task AStaleTimestamp_Is401EvenWhenCorrectlySigned(int minutes)
    {
        var rma = await NewTicketAsync();

        var response = await SendAsync(Notice(rma.RmaId, "Approved"), timestamp: DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeSeconds());

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "timestamp");
        Assert.Equal(RmaStatus.Requested, (await Rmas.FindAsync(rma.RmaId, default))?.Status);
    }

    [Fact]
    public async Task ASignatureWithAnotherSecret_Is401()
    {
        var rma = await NewTicketAsync();

        var response = await SendAsync(Notice(rma.RmaId, "Approved"), secret: "someone-else-s-secret-value");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not signed");
        Assert.Equal(RmaStatus.Requested, (await Rmas.FindAsync(rma.RmaId, default))?.Status);
    }

    [Fact]
    public async Task ABodyChangedAfterSigning_Is401()
    {
        var rma = await NewTicketAsync();

        var response = await SendAsync(Notice(rma.RmaId, "Approved"), tamper: body => body.Replace("Approved", "Rejected", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Conversational-Timestamp")]
    [InlineData("X-Conversational-Delivery")]
    [InlineData("X-Conversational-Signature")]
    public async Task AMissingHeader_Is401(string header)
    {
        var rma = await NewTicketAsync();

        var response = await SendAsync(Notice(rma.RmaId, "Approved"), without: header);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "missing");
    }

    [Fact]
    public async Task AnUnknownTicket_Is404()
    {
        var response = await SendAsync(Notice("RMA20990101999", "Approved"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "RMA20990101999");
    }

    [Fact]
    public async Task AnOutOfOrderStatus_Is409AndChangesNothing()
    {
        var rma = await NewTicketAsync();

        var response = await SendAsync(Notice(rma.RmaId, "Refunded"));

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "is Requested and cannot move to Refunded");
        var unchanged = await Rmas.FindAsync(rma.RmaId, default);
        Assert.Equal((RmaStatus.Requested, 1), (unchanged?.Status, unchanged?.Timeline.Count));
    }

    [Theory]
    [InlineData("{\"rmaId\": \"RMA1\", \"status\": ")]
    [InlineData("[]")]
    [InlineData("{\"status\": \"Approved\"}")]
    [InlineData("{\"rmaId\": \"RMA1\", \"status\": \"3\"}")]
    [InlineData("{\"rmaId\": \"RMA1\", \"status\": \"approved\"}")]
    [InlineData("{\"rmaId\": \"RMA1\", \"status\": \"Rejected\"}")]
    [InlineData("{\"rmaId\": \"RMA1\", \"status\": \"Approved\", \"at\": \"2999-01-01T00:00:00+08:00\"}")]
    public async Task AMalformedBody_Is400(string body)
    {
        var response = await SendAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnOversizeBody_Is413()
    {
        var response = await SendAsync(Notice("RMA1", "Approved", note: new string('x', 2000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AHostWithoutASecret_DoesNotStart()
    {
        var error = await ConversationalFactory.StartupFailureAsync(new Dictionary<string, string?> { ["Returns:WebhookSecret"] = "" });

        Assert.Contains(nameof(Conversational.Host.Webhooks.WarehouseWebhookOptions.WebhookSecret), error.Message, StringComparison.Ordinal);
    }

    private async Task<Rma> NewTicketAsync() =>
        await Rmas.CreateAsync(new RmaDraft("E20261119003", "c1003", [new RmaItem(1, "SH-1001", 1, null)], ReturnReason.NoReason,
            ReturnKind.Refund, 399.00m), Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, default)
        ?? throw new InvalidOperationException("No ticket was created.");

    private async Task<IReadOnlyList<DomainEventEnvelope>> EventsAsync() =>
        await host.Factory.Services.GetRequiredService<DomainEventOutbox>().ReadAsync(0, 10_000, default);

    private static string Notice(string rmaId, string status, DateTimeOffset? at = null, string? note = null) =>
        JsonSerializer.Serialize(new { rmaId, status, at, note });

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Posts <paramref name="body"/> signed as the warehouse would sign it, or broken in one named way.</summary>
    private async Task<HttpResponseMessage> SendAsync(string body, string? deliveryId = null, long? timestamp = null,
        string secret = WarehouseWebhookFixture.Secret, Func<string, string>? tamper = null, string? without = null)
    {
        var id = deliveryId ?? Guid.NewGuid().ToString("N");
        var sentAt = (timestamp ?? Now()).ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{sentAt}.{id}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Route, UriKind.Relative))
        {
            Content = new StringContent(tamper?.Invoke(body) ?? body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in new[]
        {
            ("X-Conversational-Timestamp", sentAt), ("X-Conversational-Delivery", id), ("X-Conversational-Signature", signature),
        })
        {
            if (name != without)
            {
                request.Headers.Add(name, value);
            }
        }

        return await host.Http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
