using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.CustomerService;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Host.Tests.Channels.WeChat.CustomerService;

/// <summary>The access-token cache and the customer-service sender against the fake WeChat API, on a fake clock.</summary>
public sealed class CustomerServiceApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly WeChatOptions _options = new()
    {
        AppId = WeChatTestHost.AppId,
        AppSecret = WeChatTestHost.AppSecret,
        SendAttempts = 4,
        SendRetryDelay = TimeSpan.Zero,
        AccessTokenRefreshMargin = TimeSpan.FromMinutes(5),
    };

    private FakeWeChatApi _api = null!;
    private WeChatAccessTokens _tokens = null!;
    private CustomerServiceMessages _sender = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        var clients = new ApiClients(_api.BaseAddress);
        _tokens = new WeChatAccessTokens(clients, Options.Create(_options), _time);
        _sender = new CustomerServiceMessages(clients, _tokens, Options.Create(_options), _time, NullLogger<CustomerServiceMessages>.Instance);
    }

    public async Task DisposeAsync()
    {
        _sender.Dispose();
        _tokens.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task AccessToken_IsReused_UntilShortlyBeforeItExpires()
    {
        var first = await _tokens.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var stillFirst = await _tokens.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        var second = await _tokens.GetAsync(CancellationToken.None);

        Assert.Equal(("token-1", "token-1", "token-2"), (first, stillFirst, second));
    }

    [Fact]
    public async Task AccessToken_Invalidated_IsFetchedAgain_ButOnlyIfStillTheCurrentOne()
    {
        var first = await _tokens.GetAsync(CancellationToken.None);
        _tokens.Invalidate(first);
        var second = await _tokens.GetAsync(CancellationToken.None);
        _tokens.Invalidate(first);

        Assert.Equal("token-2", second);
        Assert.Equal("token-2", await _tokens.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AccessToken_WrongAppSecret_IsAnApiError()
    {
        _options.AppSecret = "wrong";

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => _tokens.GetAsync(CancellationToken.None));

        Assert.Equal(40013, error.ErrorCode);
    }

    [Fact]
    public async Task Deliver_BusyThenServerError_IsRetried_AndSentOnce()
    {
        _api.FailNextSends(-1, FakeWeChatApi.Http500);

        var delivered = await _sender.DeliverAsync(new CustomerServiceMessage("o1", "您好"), CancellationToken.None);

        Assert.True(delivered);
        Assert.Equal(3, _api.SendAttempts);
        Assert.Equal(("o1", "您好", "token-1"), Assert.Single(_api.Sent));
    }

    [Fact]
    public async Task Deliver_RejectedToken_IsReplaced_AndTheMessageResent()
    {
        _api.FailNextSends(40001);

        Assert.True(await _sender.DeliverAsync(new CustomerServiceMessage("o1", "您好"), CancellationToken.None));

        Assert.Equal("token-2", Assert.Single(_api.Sent).AccessToken);
    }

    [Fact]
    public async Task Deliver_PermanentRefusal_IsNotRetried()
    {
        _api.FailNextSends(45015); // the customer's 48-hour window has closed

        Assert.False(await _sender.DeliverAsync(new CustomerServiceMessage("o1", "您好"), CancellationToken.None));

        Assert.Equal(1, _api.SendAttempts);
        Assert.Empty(_api.Sent);
    }

    [Fact]
    public async Task Deliver_BusyEveryTime_GivesUpAfterTheConfiguredAttempts()
    {
        _api.FailNextSends(-1, -1, -1, -1, -1);

        Assert.False(await _sender.DeliverAsync(new CustomerServiceMessage("o1", "您好"), CancellationToken.None));

        Assert.Equal(4, _api.SendAttempts);
    }

    private sealed class ApiClients(Uri baseAddress) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { BaseAddress = baseAddress };
    }
}
