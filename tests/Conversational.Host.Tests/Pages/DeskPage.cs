using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>The agent desk (<c>/desk/</c>) as an agent uses it, by the labels on the screen.</summary>
public sealed class DeskPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Chats => Page.Locator("#chats .chat-item");

    public ILocator CustomerLines => Page.Locator("#transcript .line--customer .line__bubble");

    public ILocator SkillCard => Page.Locator("#context-body .card--skill");

    public ILocator Notice => Page.Locator("#chat-notice");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static async Task<DeskPage> SignInAsync(IPage page, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/desk/");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var desk = new DeskPage(page);
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");
        return desk;
    }

    public async Task GoAvailableAsync()
    {
        var available = Page.GetByRole(AriaRole.Radio, new() { Name = "在线" });
        await available.ClickAsync();
        await Expect(available).ToHaveAttributeAsync("aria-checked", "true");
    }

    public ILocator Offer(string conversationId) => Page.Locator($"#offers .offer[data-conversation-id='{conversationId}']");

    public ILocator Chat(string conversationId) => Page.Locator($"#chats .chat-item[data-conversation-id='{conversationId}']");

    /// <summary>Accepts the offer of this conversation as soon as it arrives, and waits for its chat to open.</summary>
    public async Task AcceptAsync(string conversationId)
    {
        await Offer(conversationId).GetByRole(AriaRole.Button, new() { Name = "接入" }).ClickAsync();
        await Expect(Chat(conversationId)).ToHaveAttributeAsync("aria-current", "true");
    }

    /// <summary>Sends what is in the reply box (an insert, maybe edited), and returns it once it is in the transcript.</summary>
    public async Task<string> SendAsIsAsync()
    {
        var input = Page.GetByLabel("回复客户");
        await Expect(input).Not.ToHaveValueAsync("");
        var text = (await input.InputValueAsync()).Trim();
        await input.PressAsync("Enter");
        await Expect(Page.Locator("#transcript .line--agent .line__bubble").Last).ToHaveTextAsync(text);
        return text;
    }

    public async Task ReplyAsync(string text)
    {
        var input = Page.GetByLabel("回复客户");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        await Expect(Page.Locator("#transcript .line--agent .line__bubble").Last).ToHaveTextAsync(text);
    }
}
