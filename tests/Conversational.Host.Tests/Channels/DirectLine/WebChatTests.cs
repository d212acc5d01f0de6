using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>
/// Microsoft's Web Chat, unchanged, talking to our Direct Line endpoint over a WebSocket and by polling. The host knows
/// nothing of the test page: the browser writes it into a document it loaded from the host, because Chromium lets only
/// a page from a loopback address reach one (Local Network Access). CORS, for a merchant's own origin, is tested over HTTP.
/// </summary>
public sealed class WebChatTests(WebChatFixture fixture, ITestOutputHelper output) : IClassFixture<WebChatFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _sockets = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator BotBubbles => _page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");

    private ILocator UserBubbles => _page.Locator(".webchat__bubble--from-user .webchat__bubble__content");

    private ILocator SuggestedActions => _page.Locator("button.webchat__suggested-action");

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000);
        var bundle = await fixture.FetchBundleAsync();
        _context = await fixture.NewContextAsync();
        await _context.RouteAsync(new Uri(fixture.BaseAddress, BundlePath).ToString(),
            route => route.FulfillAsync(new() { Path = bundle, ContentType = "text/javascript" }));
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
        _page.WebSocket += (_, socket) => _sockets.Add(socket.Url);
        // Web Chat explains a failed connection in the console; shown when a test fails.
        _page.Console += (_, message) => output.WriteLine($"[page {message.Type}] {message.Text}");
        _page.RequestFailed += (_, request) => output.WriteLine($"[request failed] {request.Method} {request.Url} {request.Failure}");
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WebChat_AsksForThePriceAfterCoupons_AndPicksASuggestedItem(bool webSocket)
    {
        // The merchant's back end exchanges the secret for a token; the page only ever sees the token.
        var token = (await new DirectLineApi(new HttpClient { BaseAddress = fixture.BaseAddress }).GenerateTokenAsync("web-user")).Token;
        var domain = new Uri(fixture.BaseAddress, "/v3/directline").ToString();
        await _page.GotoAsync("/health/live");
        await _page.SetContentAsync(Page(token, domain, webSocket));
        await Expect(BotBubbles.First).ToContainTextAsync("小C");

        var input = _page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync("查询到手价");
        await input.PressAsync("Enter");

        await Expect(BotBubbles.Last).ToContainTextAsync("哪件商品的到手价");
        await Expect(SuggestedActions.First).ToBeVisibleAsync();
        var item = (await SuggestedActions.First.InnerTextAsync()).Trim();
        await SuggestedActions.First.ClickAsync();

        await Expect(UserBubbles.Last).ToHaveTextAsync(item);
        await Expect(BotBubbles.Last).ToContainTextAsync("到手价");
        await Expect(BotBubbles.Last).ToContainTextAsync("¥");
        await Expect(UserBubbles).ToHaveCountAsync(2);
        // Web Chat marks a message sent only when its echo (same clientActivityID, with our id) comes back.
        await Expect(_page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);
        await Expect(_page.GetByText("Send failed")).ToHaveCountAsync(0);
        await Expect(_page.GetByText("发送失败")).ToHaveCountAsync(0);
        Assert.Empty(_pageErrors);
        // The mode under test is the one used: one stream socket, or none at all when polling.
        Assert.Equal(webSocket ? 1 : 0, _sockets.Count(url => url.Contains("/stream?", StringComparison.Ordinal)));
    }

    private const string BundlePath = "/webchat-test/webchat.js";

    private static string Page(string token, string domain, bool webSocket) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>Web Chat</title></head>
        <body style="margin:0">
          <div id="webchat" style="height:760px"></div>
          <script src="{{BundlePath}}"></script>
          <script>
            window.WebChat.renderWebChat({
              directLine: window.WebChat.createDirectLine({
                token: '{{token}}',
                domain: '{{domain}}',
                webSocket: {{(webSocket ? "true" : "false")}},
                pollingInterval: 300,
              }),
              userID: 'web-user',
              username: '测试用户',
              locale: 'zh-CN',
            }, document.getElementById('webchat'));
          </script>
        </body>
        </html>
        """;
}
