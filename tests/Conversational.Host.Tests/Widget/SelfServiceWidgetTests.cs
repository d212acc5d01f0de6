using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Widget;

/// <summary>The widget on a host with the demo data, for a customer the merchant's site has signed in.</summary>
public sealed class DemoWidgetFixture : WidgetFixture
{
    public const string SessionApiKey = "widget-tests-merchant-key";

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Storage__SeedDemoData"] = "true";
        settings["AppChannel__SessionApiKeys__0"] = SessionApiKey;
    }
}

/// <summary>Self-service in a real browser: a price after coupons, then a bill installment applied, all by tapping.</summary>
public sealed class SelfServiceWidgetTests(DemoWidgetFixture fixture) : IClassFixture<DemoWidgetFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator BotBubbles => _page.Locator("#messages .msg--bot .msg__bubble");

    private ILocator Input => _page.GetByLabel("输入消息");

    private ILocator QuickReply(string title) => _page.Locator("#quick-replies button", new() { HasTextString = title });

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(10_000);
        // The merchant's page, having logged the customer in, hands the widget their session before it starts.
        _context = await fixture.NewSignedInCustomerContextAsync("c1003", DemoWidgetFixture.SessionApiKey);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_signed_in_customer_gets_a_price_after_coupons_and_applies_for_an_installment()
    {
        await _page.GotoAsync("/");
        await Expect(BotBubbles.First).ToContainTextAsync("小C");

        await SayAsync("SH-1001到手多少钱");
        await Expect(BotBubbles.Last).ToContainTextAsync("到手价");
        await Expect(BotBubbles.Last).ToContainTextAsync("¥");

        await SayAsync("账单分期");
        await Expect(BotBubbles.Last).ToContainTextAsync("尾号6688");
        await QuickReply("12期").ClickAsync();
        await Expect(BotBubbles.Nth(-2)).ToContainTextAsync("提前还清需按剩余本金的3%一次性收取手续费");
        await Expect(BotBubbles.Nth(-2)).ToContainTextAsync("13.03%");

        await QuickReply("确认办理").ClickAsync();

        await Expect(BotBubbles.Last).ToContainTextAsync("分期办理成功");
        await Expect(BotBubbles.Last).ToContainTextAsync("¥8,650.00已分12期");
    }

    private async Task SayAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
    }
}
