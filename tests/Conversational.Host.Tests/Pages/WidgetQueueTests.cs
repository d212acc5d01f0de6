using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>The widget while a customer waits for a person: the queue banner counts only their own level and moves live.</summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class WidgetQueueTests(HandoffPagesFixture fixture) : IClassFixture<HandoffPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private WidgetPage _widget = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _context = await fixture.NewSignedInCustomerContextAsync("c1003", HandoffPagesFixture.SessionApiKey);
        var page = await _context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        _widget = new WidgetPage(page);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_banner_shows_who_is_ahead_and_moves_when_they_give_up()
    {
        // Nobody is available: a visitor asks first and waits in the same group at the same level.
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var earlier = await AppApi.CreateVisitorAsync(http);
        var earlierConversation = (await earlier.StartAsync()).ConversationId;
        await earlier.SayAsync(earlierConversation, "转人工");
        await _widget.Page.GotoAsync("/");
        await Expect(_widget.BotBubbles.First).ToContainTextAsync("小C");

        await _widget.SayAsync("转人工");

        await Expect(_widget.QueueText).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^正在为您转接人工客服 · 前面还有 1 位 · 预计 \d+ 分钟$"));
        await Expect(_widget.QuickReply("不等了")).ToBeVisibleAsync();

        await earlier.SayAsync(earlierConversation, "不等了");

        await Expect(_widget.QueueText).ToContainTextAsync("前面还有 0 位");
        await _widget.Page.ReloadAsync();
        await Expect(_widget.QueueText).ToContainTextAsync("前面还有 0 位");
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }
}
