using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The browser test, with two pages on one host: a customer in the widget asks for a person in the middle of a
/// bill installment; the agent desk shows the chat with what the bot collected; agent and customer talk; the agent hands
/// the customer back to the bot at the confirmation step, and the bot carries on there.
/// </summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class HandoffTwoPagesTests(HandoffPagesFixture fixture) : IClassFixture<HandoffPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _customerContext = null!;
    private IBrowserContext _agentContext = null!;
    private WidgetPage _widget = null!;
    private DeskPage _desk = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _customerContext = await fixture.NewSignedInCustomerContextAsync("c1003", HandoffPagesFixture.SessionApiKey);
        _agentContext = await fixture.NewDesktopContextAsync();
        var customerPage = await _customerContext.NewPageAsync();
        var agentPage = await _agentContext.NewPageAsync();
        customerPage.PageError += (_, error) => _pageErrors.Add($"widget: {error}");
        agentPage.PageError += (_, error) => _pageErrors.Add($"desk: {error}");
        _widget = new WidgetPage(customerPage);
        _desk = await DeskPage.SignInAsync(agentPage, "agent1", "Agent#2026");
    }

    public async Task DisposeAsync()
    {
        await _customerContext.DisposeAsync();
        await _agentContext.DisposeAsync();
    }

    [Fact]
    public async Task A_customer_handed_over_mid_installment_is_served_by_an_agent_and_handed_back_into_the_confirmation_step()
    {
        await _desk.GoAvailableAsync();
        await _widget.Page.GotoAsync("/");
        await Expect(_widget.BotBubbles.First).ToContainTextAsync("小C");
        await _widget.SayAsync("账单分期");
        await Expect(_widget.BotBubbles.Last).ToContainTextAsync("尾号6688");
        await _widget.QuickReply("12期").ClickAsync();
        await Expect(_widget.QuickReply("确认办理")).ToBeVisibleAsync();

        await _widget.SayAsync("转人工");

        await Expect(_widget.BotBubbles.Last).ToContainTextAsync("正在为您转接人工客服");
        await Expect(_widget.QueueBanner).ToContainTextAsync("正在为您转接人工客服");
        var conversation = await _widget.Page.EvaluateAsync<string>("localStorage.getItem('conversational.conversationId')");
        await Expect(_desk.Offer(conversation)).ToContainTextAsync("秒后转给他人");

        await _desk.AcceptAsync(conversation);

        // What the bot collected is on the desk: the agent does not ask again.
        await Expect(_desk.SkillCard).ToContainTextAsync("账单分期");
        await Expect(_desk.SkillCard.Locator(".step")).ToHaveTextAsync("确认方案");
        await Expect(_desk.SkillCard.Locator(".facts--slots")).ToContainTextAsync("6688");
        await Expect(_desk.Page.Locator("#context-body .card--summary")).ToContainTextAsync("已选12期");
        await Expect(_desk.CustomerLines.Last).ToHaveTextAsync("转人工");

        await _desk.ReplyAsync("您好，我是坐席小王。12期每期手续费0.60%，提前还清收3%。");

        await Expect(_widget.AgentBubbles.Last).ToHaveTextAsync("您好，我是坐席小王。12期每期手续费0.60%，提前还清收3%。");
        await Expect(_widget.AgentNames.Last).ToHaveTextAsync("坐席 小王");
        await Expect(_widget.Notices.First).ToHaveTextAsync("坐席 小王 已接入，为您服务");
        await Expect(_widget.QueueBanner).ToBeHiddenAsync();

        await _widget.SayAsync("明白了，我确认办理");
        await Expect(_desk.CustomerLines.Last).ToHaveTextAsync("明白了，我确认办理");
        await PageScreenshots.WriteAsync(_desk.Page, "agent-desk.png");

        await _desk.Button("转回机器人").ClickAsync();
        await Expect(_desk.Page.GetByLabel("从哪一步继续")).ToHaveValueAsync("AwaitingConfirmation");
        await _desk.Page.Locator("#handback-dialog").GetByRole(AriaRole.Button, new() { Name = "转回机器人" }).ClickAsync();

        await Expect(_desk.Notice).ToHaveTextAsync("已转回机器人。");
        await Expect(_widget.Notices.Last).ToHaveTextAsync("人工服务已结束，智能客服小C继续为您服务");
        await _widget.QuickReply("确认办理").ClickAsync();
        await Expect(_widget.BotBubbles.Last).ToContainTextAsync("分期办理成功");
        await Expect(_widget.BotBubbles.Last).ToContainTextAsync("¥8,650.00已分12期");
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

}
