using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The copilot issue's browser test, with two pages on one host: the demo card holder c1005 asks for a person in the
/// middle of a bill installment in the widget; on the agent desk the copilot panel suggests replies, ticks the mandatory
/// disclosures as the agent says them, readies an offer once the problem is solved, sees it pitched and accepted from
/// the messages alone, and drafts the ticket whose number reaches the customer.
/// </summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class CopilotPanelTests(HandoffPagesFixture fixture) : IClassFixture<HandoffPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _customerContext = null!;
    private IBrowserContext _agentContext = null!;
    private WidgetPage _widget = null!;
    private DeskPage _desk = null!;
    private CopilotPanel _copilot = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _customerContext = await fixture.NewSignedInCustomerContextAsync(CopilotScenario.CardHolder, HandoffPagesFixture.SessionApiKey);
        _agentContext = await fixture.NewDesktopContextAsync();
        var customerPage = await _customerContext.NewPageAsync();
        var agentPage = await _agentContext.NewPageAsync();
        customerPage.PageError += (_, error) => _pageErrors.Add($"widget: {error}");
        agentPage.PageError += (_, error) => _pageErrors.Add($"desk: {error}");
        _widget = new WidgetPage(customerPage);
        _desk = await DeskPage.SignInAsync(agentPage, "agent1", "Agent#2026");
        _copilot = new CopilotPanel(agentPage);
    }

    public async Task DisposeAsync()
    {
        await _customerContext.DisposeAsync();
        await _agentContext.DisposeAsync();
        await CopilotScenario.SignOffAsync(fixture.BaseAddress);
    }

    [Fact]
    public async Task An_agent_is_guided_from_suggestions_through_the_disclosures_and_a_detected_pitch_to_a_ticket_from_the_draft()
    {
        await CopilotScenario.HandOverMidInstallmentAsync(_widget, _desk);

        // Suggestions and the installment disclosures are there as the chat opens; a dismissed suggestion is recorded and goes away.
        await Expect(_copilot.Suggestions.First).ToBeVisibleAsync();
        await Expect(_copilot.UntickedDisclosures.First).ToBeVisibleAsync();
        var dismissed = await CopilotPanel.IdOfAsync(_copilot.Suggestions.First, "data-suggestion-id");
        var dismissal = FeedbackAsync(dismissed);
        await _copilot.Button(_copilot.Suggestion(dismissed), "忽略").ClickAsync();
        await Expect(_copilot.Suggestion(dismissed)).ToHaveCountAsync(0);
        Assert.Contains("\"action\":\"dismissed\"", await dismissal, StringComparison.Ordinal);

        // Inserting a disclosure's standard wording and sending it ticks that disclosure.
        var disclosure = await CopilotPanel.IdOfAsync(_copilot.UntickedDisclosures.First, "data-disclosure-id");
        await _copilot.Button(_copilot.Disclosure(disclosure), "插入标准话术").ClickAsync();
        var wording = await _desk.SendAsIsAsync();
        await Expect(_copilot.Disclosure(disclosure)).ToHaveClassAsync(new Regex(@"\bcheck--ticked\b"));
        await Expect(_widget.AgentBubbles.Last).ToHaveTextAsync(wording);

        // A suggestion inserted, then edited before it is sent, is recorded as used and edited.
        var used = await CopilotPanel.IdOfAsync(_copilot.Suggestions.First, "data-suggestion-id");
        await _copilot.Button(_copilot.Suggestion(used), "插入").ClickAsync();
        var input = _desk.Page.GetByLabel("回复客户");
        await input.FillAsync(await input.InputValueAsync() + "（以账单为准）");
        var use = FeedbackAsync(used);
        await _desk.SendAsIsAsync();
        var recorded = await use;
        Assert.Contains("\"action\":\"used\"", recorded, StringComparison.Ordinal);
        Assert.Contains("\"edited\":true", recorded, StringComparison.Ordinal);

        // Once the customer's problem is solved an offer becomes ready; the pitch sent is detected without a click.
        await _widget.SayAsync("好的谢谢");
        await Expect(_copilot.ReadyOffers.First).ToBeVisibleAsync();
        var offer = await CopilotPanel.IdOfAsync(_copilot.ReadyOffers.First, "data-offer-id");
        await Expect(_copilot.OfferStatus(offer)).ToHaveAttributeAsync("data-status", "ready");
        await _copilot.Button(_copilot.Offer(offer), "插入推荐话术").ClickAsync();
        await _desk.SendAsIsAsync();
        await Expect(_copilot.OfferStatus(offer)).ToHaveAttributeAsync("data-status", "pitched");

        await _widget.SayAsync("好的，帮我办");
        await Expect(_copilot.OfferStatus(offer)).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(_copilot.OfferStatus(offer)).ToHaveTextAsync("客户已接受");

        // The ticket draft opens the ticket dialog prefilled; the customer is told the number.
        await _copilot.TicketFromDraft.ClickAsync();
        var dialog = _desk.Page.Locator("#ticket-dialog");
        await Expect(dialog.GetByLabel("工单内容")).Not.ToHaveValueAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "创建工单" }).ClickAsync();
        await Expect(_desk.Notice).ToContainTextAsync("已创建，客户已收到工单号");
        var ticketId = Regex.Match(await _desk.Notice.TextContentAsync() ?? "", @"工单 (\S+) 已创建").Groups[1].Value;
        Assert.NotEmpty(ticketId);
        await Expect(_widget.Page.Locator("#messages")).ToContainTextAsync(ticketId);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task Closing_with_unsaid_mandatory_disclosures_lists_them_and_closes_only_when_the_agent_insists()
    {
        await CopilotScenario.HandOverMidInstallmentAsync(_widget, _desk);
        await Expect(_copilot.UntickedDisclosures.First).ToBeVisibleAsync();
        await Expect(_copilot.AiTools).ToBeHiddenAsync(); // no language model is configured: no AI buttons
        var unsaid = await _copilot.UntickedDisclosures.Locator(".check__title > span:first-child").AllTextContentsAsync();

        await _desk.Button("结束会话").ClickAsync();
        var dialog = _desk.Page.Locator("#close-dialog");
        await Expect(dialog.GetByLabel("处理结果").Locator("option").First).ToBeAttachedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "结束会话" }).ClickAsync();

        await Expect(dialog.Locator("#close-missing-list li")).ToHaveTextAsync(unsaid);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(_desk.Page.GetByLabel("回复客户")).ToBeEnabledAsync();

        await _desk.Button("结束会话").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "结束会话" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "仍然结束" }).ClickAsync();

        await Expect(_desk.Notice).ToHaveTextAsync("会话已结束。");
        await Expect(_desk.Chats).ToHaveCountAsync(0);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    /// <summary>The body of the panel's feedback on a suggestion, once the server has answered it with 204.</summary>
    private async Task<string> FeedbackAsync(string suggestionId)
    {
        var response = await _desk.Page.WaitForResponseAsync(response =>
            response.Url.EndsWith("/copilot/feedback", StringComparison.Ordinal) && (response.Request.PostData ?? "").Contains(suggestionId, StringComparison.Ordinal));
        Assert.Equal(204, response.Status);
        return response.Request.PostData ?? "";
    }
}
