using Microsoft.Playwright;

namespace Conversational.Host.Tests.Pages;

/// <summary>The customer's web chat widget (<c>/</c>), by what the customer sees.</summary>
public sealed class WidgetPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator BotBubbles => Page.Locator("#messages .msg--bot .msg__bubble");

    public ILocator AgentBubbles => Page.Locator("#messages .msg--agent .msg__bubble");

    public ILocator AgentNames => Page.Locator("#messages .msg--agent .msg__name");

    public ILocator Notices => Page.Locator("#messages .msg-notice");

    public ILocator QueueBanner => Page.Locator("#queue-banner");

    public ILocator QueueText => Page.Locator("#queue-banner .queue-banner__text");

    public ILocator QuickReply(string title) => Page.Locator("#quick-replies button", new() { HasTextString = title });

    public async Task SayAsync(string text)
    {
        var input = Page.GetByLabel("输入消息");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
