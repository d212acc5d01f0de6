using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.App;
using Conversational.Testing;
using Microsoft.Playwright;

namespace Conversational.Host.Tests.Widget;

/// <summary>
/// The real host as a process and one headless Chromium (the system's, never a downloaded one), shared by a test class;
/// each test gets its own browser context, so storage and routes do not leak between tests.
/// </summary>
public class WidgetFixture : IAsyncLifetime
{
    private static readonly string[] BrowserArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("conversational-widget.").FullName;
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => Host.BaseAddress;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = Path.Combine(_directory, "widget.db"),
            ["Storage__SeedDemoData"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        Configure(settings);
        var hostStarting = HostProcess.StartAsync(settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = BrowserArgs,
        });
        _host = await hostStarting;
        await StartedAsync();
    }

    /// <summary>Preparations on the running host (data over its API) before the first test.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Changes to the host's settings (environment variables) before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    /// <summary>A fresh context (empty localStorage) with a phone-sized viewport in China's time zone.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 390, Height = 780 },
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
    });

    /// <summary>A fresh context with a desktop-sized viewport, for the staff pages.</summary>
    public Task<IBrowserContext> NewDesktopContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
    });

    /// <summary>
    /// A phone-sized context whose widget starts as a customer the merchant's site has signed in (a session from
    /// <c>POST /api/customer-sessions</c> with one of <c>AppChannel:SessionApiKeys</c>), handed over before the page loads.
    /// </summary>
    public async Task<IBrowserContext> NewSignedInCustomerContextAsync(string customerId, string sessionApiKey)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customer-sessions")
        {
            Content = JsonContent.Create(new { customerId }),
        };
        request.Headers.Add("X-Api-Key", sessionApiKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<CustomerSession>(ConversationJson.Options))!;

        var context = await NewContextAsync();
        await context.AddInitScriptAsync($$"""
            localStorage.setItem('conversational.token', '{{session.Token}}');
            localStorage.setItem('conversational.customerId', '{{session.CustomerId}}');
            localStorage.setItem('conversational.expiresAt', '{{session.ExpiresAt:O}}');
            """);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up with the rest of /tmp.
        }
    }
}
