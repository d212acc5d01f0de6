using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conversational.Bots.Policies;
using Conversational.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Widget;

/// <summary>
/// The web chat widget at <c>/</c> in a real headless Chromium against the real host: what a customer sees and does.
/// </summary>
public sealed class WidgetTests(WidgetFixture fixture) : IClassFixture<WidgetFixture>, IAsyncLifetime
{
    private const string TokenKey = "conversational.token";
    private const string ConversationKey = "conversational.conversationId";

    private static readonly BotMessages Zh = BotMessages.Chinese;
    private static readonly BotMessages En = BotMessages.English;

    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator Bubbles => _page.Locator("#messages .msg__bubble");

    private ILocator BotBubbles => _page.Locator("#messages .msg--bot .msg__bubble");

    private ILocator UserBubbles => _page.Locator("#messages .msg--user .msg__bubble");

    private ILocator Input => _page.GetByLabel("输入消息");

    private ILocator Typing => _page.Locator("#typing");

    private ILocator ReconnectBanner => _page.Locator("#reconnect-banner");

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(10_000);
        _context = await fixture.NewContextAsync();
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Widget_SendHello_ShowsBotReplyInChinese()
    {
        await OpenAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("小C");
        var send = _page.GetByRole(AriaRole.Button, new() { Name = "发送" });
        await Expect(send).ToBeDisabledAsync();
        await Input.FillAsync("   ");
        await Expect(send).ToBeDisabledAsync();

        await Input.FillAsync("你好");
        await Expect(send).ToBeEnabledAsync();
        await Input.PressAsync("Enter");

        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Greeting);
        await Expect(UserBubbles).ToHaveTextAsync(["你好"]);
        await Expect(Input).ToHaveValueAsync("");
        await Expect(send).ToBeDisabledAsync();
        await Expect(_page.Locator("#messages .msg--user time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}$"));
        await Expect(_page.Locator("#quick-replies button")).ToHaveTextAsync(Zh.MenuOptions.ToArray());

        // The POST answer and the live stream both deliver these; each is shown once.
        await _page.WaitForTimeoutAsync(300);
        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome, "你好", Zh.Greeting]);

        if (Environment.GetEnvironmentVariable("WRITE_SCREENSHOTS") == "1")
        {
            await Input.BlurAsync();
            var path = Path.Combine(RepositoryPaths.Root(), "docs", "widget.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await _page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        }

        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_QuickReplyClick_SendsItsValueAndShowsTypingUntilTheAnswer()
    {
        // Hold each message for a moment on its way to the server, so the wait is visible.
        await _page.RouteAsync("**/messages", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await OpenAsync();
        await Expect(Typing).ToBeHiddenAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = Zh.BillInstallment, Exact = true }).ClickAsync();

        await Expect(UserBubbles.Last).ToHaveTextAsync(Zh.BillInstallment);
        await Expect(Typing).ToBeVisibleAsync();
        await Expect(Typing).ToContainTextAsync("小C 正在输入…");
        await Expect(_page.Locator("#quick-replies")).ToBeHiddenAsync();

        // A web visitor is not signed in, so the installment dialog asks for the card before anything else.
        await Expect(BotBubbles.Last).ToContainTextAsync("请输入您要分期的信用卡卡号后4位");
        await Expect(Typing).ToBeHiddenAsync();
        await Expect(Bubbles).ToHaveCountAsync(3);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_Reload_ShowsTheSameHistoryInOrderWithoutDuplicates()
    {
        await OpenAsync();
        await Input.FillAsync("你好");
        await Input.PressAsync("Enter");
        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Greeting);
        var conversationId = await LocalStorageAsync(ConversationKey);

        await _page.ReloadAsync();

        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome, "你好", Zh.Greeting]);
        await Expect(_page.Locator("#messages .msg")).ToHaveCountAsync(3);
        await WaitForStreamAsync();
        await _page.WaitForTimeoutAsync(300);
        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome, "你好", Zh.Greeting]);
        Assert.Equal(conversationId, await LocalStorageAsync(ConversationKey));
        // The quick replies belong to the last bot message, after a reload too.
        await Expect(_page.Locator("#quick-replies button")).ToHaveCountAsync(Zh.MenuOptions.Count);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_EnglishSwitch_ChangesTheUiAndGetsAnEnglishGreeting()
    {
        await OpenAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        var input = _page.GetByLabel("Type a message");
        await Expect(input).ToHaveAttributeAsync("placeholder", "Type your question…");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("C");
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");

        await input.FillAsync("hello");
        var request = await _page.RunAndWaitForRequestAsync(() => input.PressAsync("Enter"),
            r => r.Method == "POST" && r.Url.EndsWith("/messages", StringComparison.Ordinal));
        await Expect(BotBubbles.Last).ToHaveTextAsync(En.Greeting);
        using (var sent = JsonDocument.Parse(request.PostData!))
        {
            Assert.Equal("en", sent.RootElement.GetProperty("locale").GetString());
        }

        // The choice is kept: a reload stays in English.
        await _page.ReloadAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await Expect(BotBubbles.Last).ToHaveTextAsync(En.Greeting);

        await _page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Expect(Input).ToHaveAttributeAsync("placeholder", "请输入您的问题…");
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_StreamDrops_ReconnectsAndShowsWhatWasPostedMeanwhile()
    {
        // The first stream connects and is then cut by the network; until the test says so, the network stays down
        // for the widget (its reconnects and catch-up reads fail), not for the customer's other device.
        var networkDown = false;
        var failedWhileDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var streamUrls = new List<string>();
        await _page.RouteAsync(url => url.Contains("/stream?", StringComparison.Ordinal) || url.Contains("/activities?", StringComparison.Ordinal),
            async route =>
            {
                var isStream = route.Request.Url.Contains("/stream?", StringComparison.Ordinal);
                if (Volatile.Read(ref networkDown))
                {
                    failedWhileDown.TrySetResult();
                    await route.AbortAsync("internetdisconnected");
                }
                else if (isStream && streamUrls.Count == 0)
                {
                    streamUrls.Add(route.Request.Url);
                    Volatile.Write(ref networkDown, true);
                    await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = ": connected\n\n" });
                }
                else
                {
                    if (isStream)
                    {
                        streamUrls.Add(route.Request.Url);
                    }

                    await route.ContinueAsync();
                }
            });
        await OpenAsync();

        await Expect(ReconnectBanner).ToBeVisibleAsync();
        await Expect(ReconnectBanner).ToHaveTextAsync("重新连接中…");
        var token = await LocalStorageAsync(TokenKey);
        var conversationId = await LocalStorageAsync(ConversationKey);

        // Meanwhile the customer's other device says something in the same conversation; the widget's retry fails.
        await PostMessageAsync(token, conversationId, "帮助");
        await failedWhileDown.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Expect(ReconnectBanner).ToBeVisibleAsync();
        await Expect(Bubbles).ToHaveCountAsync(1);

        Volatile.Write(ref networkDown, false);
        await Expect(ReconnectBanner).ToBeHiddenAsync();
        await WaitForStreamAsync();
        await Expect(UserBubbles.Last).ToHaveTextAsync("帮助");
        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Help);
        // It resumed after the highest id it had seen, which now includes what it caught up on.
        Assert.True(After(streamUrls[^1]) > After(streamUrls[0]), string.Join('\n', streamUrls));

        // And the reconnected stream is live: a message posted now arrives without any action in the page.
        await PostMessageAsync(token, conversationId, "你好");
        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Greeting);
        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome, "帮助", Zh.Help, "你好", Zh.Greeting]);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_RetryAfterALostAnswer_ReusesTheMessageIdSoTheServerProcessesItOnce()
    {
        // Only the answers to the page's own requests count here: no stream, no catch-up reads.
        await _page.RouteAsync(url => url.Contains("/stream?", StringComparison.Ordinal) || url.Contains("/activities?", StringComparison.Ordinal),
            route => route.AbortAsync("internetdisconnected"));
        var bodies = new List<string>();
        await _page.RouteAsync("**/messages", async route =>
        {
            bodies.Add(route.Request.PostData!);
            if (bodies.Count == 1)
            {
                // The message reaches the server and is answered, but the answer is lost on the way back.
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });
        await OpenAsync();

        await Input.FillAsync("你好");
        await Input.PressAsync("Enter");
        var retry = _page.GetByRole(AriaRole.Button, new() { Name = "发送失败，点击重试" });
        await Expect(retry).ToBeVisibleAsync();
        await Expect(Typing).ToBeHiddenAsync();
        await retry.ClickAsync();

        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Greeting);
        await Expect(retry).ToHaveCountAsync(0);
        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome, "你好", Zh.Greeting]);
        Assert.Equal(2, bodies.Count);
        Assert.Equal(ClientMessageId(bodies[0]), ClientMessageId(bodies[1]));

        // The server has the message once.
        var history = await GetActivitiesAsync(await LocalStorageAsync(TokenKey), await LocalStorageAsync(ConversationKey));
        Assert.Single(history, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_RejectedTokenOrMissingConversation_StartsOverCleanly()
    {
        await OpenAsync();
        var firstToken = await LocalStorageAsync(TokenKey);

        // A conversation that does not exist (or is not this visitor's): a new one starts with the same visitor.
        await _page.EvaluateAsync($"() => localStorage.setItem('{ConversationKey}', 'missing')");
        await _page.ReloadAsync();
        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome]);
        Assert.NotEqual("missing", await LocalStorageAsync(ConversationKey));
        Assert.Equal(firstToken, await LocalStorageAsync(TokenKey));

        // A token the server rejects: a new visitor and a new conversation.
        await _page.EvaluateAsync($"() => localStorage.setItem('{TokenKey}', 'not-a-token')");
        await _page.ReloadAsync();
        await Expect(Bubbles).ToHaveTextAsync([Zh.Welcome]);
        var token = await LocalStorageAsync(TokenKey);
        Assert.NotEqual("not-a-token", token);
        Assert.NotEqual(firstToken, token);

        await Input.FillAsync("你好");
        await Input.PressAsync("Enter");
        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Greeting);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Widget_MessageText_IsShownAsTextWithLineBreaks()
    {
        await OpenAsync();
        await Input.FillAsync("<img src=x onerror=alert(1)><b>粗体</b>");
        await Input.PressAsync("Enter");
        await Expect(UserBubbles.Last).ToHaveTextAsync("<img src=x onerror=alert(1)><b>粗体</b>");
        await Expect(_page.Locator("#messages img, #messages b")).ToHaveCountAsync(0);

        await Input.FillAsync("帮助");
        await Input.PressAsync("Enter");
        await Expect(BotBubbles.Last).ToHaveTextAsync(Zh.Help);
        var rendered = await BotBubbles.Last.InnerTextAsync();
        Assert.Equal(Zh.Help.Split('\n').Length, rendered.Split('\n').Length);
        Assert.Equal(2000, int.Parse(await Input.GetAttributeAsync("maxlength") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        AssertNoPageErrors();
    }

    /// <summary>Opens the widget and waits for the bot's welcome.</summary>
    private async Task OpenAsync()
    {
        var response = await _page.GotoAsync("/");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Expect(BotBubbles.First).ToHaveTextAsync(Zh.Welcome);
    }

    /// <summary>Waits until the page's push stream is connected.</summary>
    private async Task WaitForStreamAsync() =>
        await Expect(_page.Locator("#chat-body")).ToHaveAttributeAsync("data-connection", "open");

    private static long After(string url) =>
        long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["after"]!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> LocalStorageAsync(string key) =>
        await _page.EvaluateAsync<string>($"() => localStorage.getItem('{key}')");

    /// <summary>What another device of the same customer does: post a message to the conversation with the token.</summary>
    private async Task PostMessageAsync(string token, string conversationId, string text)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/conversations/{conversationId}/messages", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = JsonSerializer.Serialize(new { text, clientMessageId = Guid.NewGuid().ToString() });
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<JsonElement>> GetActivitiesAsync(string token, string conversationId)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/conversations/{conversationId}/activities?after=0", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    private static string ClientMessageId(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("clientMessageId").GetString()!;
    }

    private void AssertNoPageErrors() => Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
}
